import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "igr.public"
    label = "public"
    verbose_name = _("Public register")

    def ready(self) -> None:
        # The search index follows every change to the register (igr.public.search.signals).
        from igr.public.search import signals

        signals.connect()
        # Pay at start-up, not on the first visitor's request: the holidays package imports every country's
        # calendar on first use (~0.3 s), and babel loads each language's month names (~0.1 s).
        import holidays.countries  # noqa: F401

        from igr.register.dates import format_date

        for language in ("en", "cy"):
            format_date(dt.date(2000, 1, 1), language)
