from django.urls import path

from progress.views import public as views

app_name = "progress"

urlpatterns = [
    path("", views.progress_index, name="index"),
    path("<slug:key>.csv", views.progress_csv, name="csv"),
]
