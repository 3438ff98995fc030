from django.urls import path

from volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("", views.index, name="index"),
    path("college/", views.college, name="college"),
]
