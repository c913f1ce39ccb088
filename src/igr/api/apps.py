from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "igr.api"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from igr.public.cache import bump
        from igr.register.models import Government, Post

        # Posts and governments appear in API answers and downloads; their changes move Last-Modified too.
        def changed(sender, **kwargs) -> None:
            bump()

        for model in (Post, Government):
            post_save.connect(changed, sender=model, dispatch_uid=f"igr-api-bump-{model.__name__}", weak=False)
            post_delete.connect(changed, sender=model, dispatch_uid=f"igr-api-bump-delete-{model.__name__}", weak=False)
