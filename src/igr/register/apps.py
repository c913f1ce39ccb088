from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "igr.register"
    label = "register"
    verbose_name = _("Register")

    def ready(self) -> None:
        # The register announces its changes as domain events (igr.register.events); other apps listen.
        from . import receivers

        receivers.connect()
