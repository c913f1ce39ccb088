"""/api/v1/: the read-only API (outside the language prefixes: every answer carries both languages)."""

from .views import api

urlpatterns = api.urls[0]
app_name = api.urls[1]
