from django.urls import path, re_path

from . import pages

app_name = "opendata"

urlpatterns = [
    path("data/", pages.data_page, name="data"),
    re_path(
        r"^data/files/(?P<name>(?:csv/)?[a-z0-9_-]+\.(?:csv|json|sqlite))$", pages.data_file, name="data_file"
    ),
]
