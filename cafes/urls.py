from django.urls import path

from cafes.views import manage, printing, public

app_name = "cafes"

urlpatterns = [
    path("", public.index, name="index"),
    path("care/<int:pk>/", public.care_detail, name="care_detail"),
    path("kids/", public.kids_index, name="kids_index"),
    path("kids/<int:pk>/", public.kids_detail, name="kids_detail"),
    path("print/<slug:area>/", printing.print_month, name="print_month"),
    path("print/<slug:area>/sheet.pdf", printing.print_month_pdf, name="print_month_pdf"),
    path("my/", manage.my_cafes, name="manage_list"),
    path("my/<str:kind>/new/", manage.listing_create, name="manage_create"),
    path("my/<str:kind>/<int:pk>/", manage.listing_edit, name="manage_edit"),
    path("my/<str:kind>/<int:pk>/submit/", manage.listing_submit, name="manage_submit"),
    path("my/<str:kind>/<int:pk>/schedules/", manage.schedule_add, name="manage_schedules"),
    path("my/<str:kind>/<int:pk>/schedules/<int:schedule_pk>/delete/", manage.schedule_delete,
         name="manage_schedule_delete"),
]
