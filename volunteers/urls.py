"""volunteers URLs: the section index plus one URL list per idea (associations…, college and openings)."""

from django.urls import path

from volunteers import urls_associations, urls_college
from volunteers.views import index

app_name = "volunteers"

urlpatterns = [
    path("", index.index, name="index"),
    *urls_associations.urlpatterns,
    *urls_college.urlpatterns,
]
