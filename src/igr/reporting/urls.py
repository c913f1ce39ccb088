from django.urls import path, re_path

from igr.converters import RecordId

from .views import calendar, documents, officials, public

app_name = "reporting"

MEETING = r"(?P<body_key>[-a-z0-9]+)/(?P<day>\d{4}(?:-\d{2}(?:-\d{2})?)?)"

urlpatterns = [
    path("", officials.dashboard, name="dashboard"),
    path("obligations/", officials.obligation_list, name="obligations"),
    path("obligations/<id:pk>/waive/", officials.waive, name="waive"),
    path("commitments/", officials.commitment_list, name="commitments"),
    re_path(rf"^meetings/{MEETING}/$", officials.meeting_page, name="meeting"),
    re_path(rf"^meetings/{MEETING}/start/$", documents.start, name="start"),
    re_path(rf"^meetings/{MEETING}/follow-up/$", documents.follow_up, name="follow_up"),
    re_path(rf"^meetings/{MEETING}/change/$", officials.change_meeting, name="change_meeting"),
    path("periods/<slug:key>/", officials.period_page, name="period"),
    path("periods/<slug:key>/start/", documents.start_report, name="start_report"),
    path("documents/<id:pk>/", documents.detail, name="document"),
    path("documents/<id:pk>/action/", documents.action, name="document_action"),
    path("documents/<id:pk>/translate/", documents.translate, name="translate"),
    re_path(
        rf"^documents/(?P<pk>{RecordId.regex})/preview/(?P<language>en|cy)\.(?P<fmt>html|pdf|docx)$",
        documents.preview,
        name="preview",
    ),
    re_path(
        rf"^published/(?P<pk>{RecordId.regex})/(?P<language>en|cy)\.(?P<fmt>html|pdf|docx)$",
        public.published_file,
        name="published_file",
    ),
    path("calendar/", calendar.calendar_page, name="calendar"),
    re_path(r"^calendar/(?P<token>[-_A-Za-z0-9]{20,64})\.ics$", calendar.feed, name="calendar_feed"),
]
