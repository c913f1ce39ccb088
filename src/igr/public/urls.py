from django.urls import path, re_path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    re_path(r"^meetings/(?P<body_key>[-a-z0-9]+)/(?P<day>\d{4}(?:-\d{2}(?:-\d{2})?)?)/$", views.meeting_detail, name="meeting"),
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<slug:body_key>/", views.body_detail, name="body"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:person_key>/", views.person_detail, name="person"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<slug:key>/", views.agreement_detail, name="agreement"),
    path("timeliness/", views.reporting, name="reporting"),
    path("search/", views.search, name="search"),
]
