from django.urls import path

from international.views import public as views

app_name = "international"

urlpatterns = [
    path("", views.index, name="index"),
    path("classes/", views.class_list, name="class_list"),
    path("classes/<int:pk>/", views.class_detail, name="class_detail"),
    path("desks/<int:pk>/", views.desk_detail, name="desk_detail"),
    path("exchange/", views.event_list, name="event_list"),
    path("exchange/<int:pk>/", views.event_detail, name="event_detail"),
]
