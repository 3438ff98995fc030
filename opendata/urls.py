from django.urls import path

from opendata.views import files as views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("api/", views.api_docs, name="api_docs"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:key>.csv", views.dataset_csv, name="csv"),
]
