from django.urls import path

from international import views

app_name = "international"

urlpatterns = [
    path("", views.index, name="index"),
]
