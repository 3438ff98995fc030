from django.urls import path

from cafes import views

app_name = "cafes"

urlpatterns = [
    path("", views.index, name="index"),
]
