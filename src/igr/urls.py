"""Addresses: everything a person reads sits under /en/ or /cy/; the root redirects by Accept-Language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from igr.converters import RecordId
from igr.public.views import language_root

register_converter(RecordId, "id")  # before the apps' URL modules are imported: they use <id:pk>

urlpatterns = [
    path("", language_root, name="root"),
    path("api/v1/", include("igr.api.urls", namespace="api-v1")),
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}govuk-frontend/assets/images/favicon.ico"),
    ),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("reporting/", include("igr.reporting.urls")),
    path("ingest/", include("igr.ingest.urls")),
    path("harvest/", include("igr.harvest.urls")),
    path("audit/", include("igr.audit.urls")),
    path("", include("igr.accounts.urls")),
    path("", include("igr.follow.urls")),
    path("", include("igr.public.urls")),
    path("", include("igr.api.page_urls")),
    prefix_default_language=True,
)
