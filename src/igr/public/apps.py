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
        # The holidays package imports every country's calendar on first use (~0.3 s): pay that at start-up,
        # not on the first visitor's request for a page with deadlines.
        import holidays.countries  # noqa: F401
