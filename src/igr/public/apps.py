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
