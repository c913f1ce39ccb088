from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    """Following the register without an account: Atom feeds, iCalendar calendars and email alerts."""

    name = "igr.follow"
    verbose_name = _("Following the register")

    def ready(self) -> None:
        from . import listeners  # noqa: F401  (subscribes to the register's changes)
