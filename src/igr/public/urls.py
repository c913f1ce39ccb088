from django.urls import path, re_path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    re_path(r"^meetings/(?P<body_key>[-a-z0-9]+)/(?P<day>\d{4}(?:-\d{2}(?:-\d{2})?)?)/$", views.meeting_detail, name="meeting"),
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<slug:body_key>/", views.body_detail, name="body"),
]
