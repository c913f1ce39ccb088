from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "igr.ingest"
    label = "ingest"
    verbose_name = _("Ingest")

    def ready(self) -> None:
        from . import roles

        post_migrate.connect(roles.ensure_role, sender=self)
