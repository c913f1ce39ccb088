from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestConfig(AppConfig):
    name = "igr.harvest"
    label = "harvest"
    verbose_name = _("Harvest")
    default_auto_field = "django.db.models.BigAutoField"
