import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "igr.public"
    label = "public"
    verbose_name = _("Public register")

    def ready(self) -> None:
        # The search index, tallies and cached figures follow the register's events (igr.public.listeners).
        from igr.public import listeners  # noqa: F401


def preload() -> None:
    """Load what the first page view would otherwise pay for: the holidays package's calendars (~0.3 s on
    first use) and babel's month names in each language (~0.1 s). Called by the web server's entry point
    (``igr.wsgi``), not in ``ready()``, so management commands and tests do not pay for it."""
    import holidays.countries  # noqa: F401

    from igr.register.dates import format_date

    for language in ("en", "cy"):
        format_date(dt.date(2000, 1, 1), language)
