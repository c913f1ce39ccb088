from django.urls import path

from . import views

app_name = "follow"

urlpatterns = [
    path("feeds/meetings/", views.meetings_feed, name="meetings_feed"),
    path("feeds/bodies/<slug:key>/", views.followed_feed, {"topic": "body"}, name="body_feed"),
    path("feeds/people/<slug:key>/", views.followed_feed, {"topic": "person"}, name="person_feed"),
    path("feeds/documents/", views.documents_feed, name="documents_feed"),
    path("feeds/search/", views.search_feed, name="search_feed"),
    path("calendar/meetings.ics", views.meetings_calendar, name="meetings_calendar"),
    path("calendar/bodies/<slug:key>.ics", views.body_calendar, name="body_calendar"),
    path("calendar/governments/<slug:key>.ics", views.government_calendar, name="government_calendar"),
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
