"""URLs for the Power-Up College and volunteer openings (namespace volunteers:)."""

from django.urls import path

from volunteers.views import index

urlpatterns: list = [
    path("college/", index.college, name="college"),
]
