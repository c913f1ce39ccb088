from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "igr.reporting"
    label = "reporting"
    verbose_name = _("IIRA reporting")

    def ready(self) -> None:
        from . import roles, signals  # noqa: F401  (connects the engine to the register's saves)

        post_migrate.connect(roles.ensure_roles, sender=self)
