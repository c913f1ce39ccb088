from django.urls import path, re_path

from igr.converters import RecordId

from . import views

app_name = "public"

MEETING = r"meetings/(?P<body_key>[-a-z0-9]+)/(?P<day>\d{4}(?:-\d{2}(?:-\d{2})?)?)"
DOCUMENT = r"(?P<document>(?:notice|letter|statement)(?:-\d{1,3})?)"
FORMAT = r"(?P<fmt>pdf|docx|html)"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    re_path(rf"^{MEETING}/$", views.meeting_detail, name="meeting"),
    re_path(rf"^{MEETING}/{DOCUMENT}/$", views.edition_page, name="edition"),
    re_path(rf"^{MEETING}/{DOCUMENT}/v(?P<version>\d{{1,5}})/$", views.edition_page, name="edition_version"),
    re_path(rf"^{MEETING}/{DOCUMENT}\.{FORMAT}$", views.edition_download, name="edition_file"),
    re_path(
        rf"^{MEETING}/{DOCUMENT}/v(?P<version>\d{{1,5}})\.{FORMAT}$",
        views.edition_download,
        name="edition_version_file",
    ),
    re_path(
        rf"^documents/(?P<pk>{RecordId.regex})/(?P<language>en|cy)/(?P<revision>[0-9]{{1,5}})/$",
        views.source_download,
        name="source_file",
    ),
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/<slug:body_key>/", views.body_detail, name="body"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:person_key>/", views.person_detail, name="person"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<slug:key>/", views.agreement_detail, name="agreement"),
    path("timeliness/", views.reporting, name="reporting"),
    path("search/", views.search, name="search"),
]
