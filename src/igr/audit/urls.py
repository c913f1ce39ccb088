from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("<slug:model>/<id:pk>/", views.record_history, name="record"),
]
