from django.urls import path

from . import views

app_name = "ingest"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("runs/<id:pk>/", views.run_detail, name="run"),
    path("review/", views.review_list, name="review_list"),
    path("review/<id:pk>/", views.review_detail, name="review_detail"),
]
