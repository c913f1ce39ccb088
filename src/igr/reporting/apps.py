from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "igr.reporting"
    label = "reporting"
    verbose_name = _("IIRA reporting")

    def ready(self) -> None:
        from . import listeners, roles  # noqa: F401  (the engine follows the register's events)

        post_migrate.connect(roles.ensure_roles, sender=self)
