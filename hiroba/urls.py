from django.urls import path

from hiroba.views import finder, plazas, requests

app_name = "hiroba"

urlpatterns = [
    path("", plazas.index, name="index"),
    path("plazas/", plazas.plaza_list, name="plaza_list"),
    path("plazas/<int:pk>/", plazas.plaza_detail, name="plaza_detail"),
    path("desks/", plazas.desk_list, name="desk_list"),
    path("finder/", finder.finder, name="finder"),
    path("request/", requests.request_create, name="request_create"),
    path("request/sent/", requests.request_done, name="request_done"),
]
