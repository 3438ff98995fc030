from django.urls import path

from hiroba import views

app_name = "hiroba"

urlpatterns = [
    path("", views.index, name="index"),
]
