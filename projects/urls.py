from django.urls import path

from projects.views import applications, consultations, public, reports

app_name = "projects"

my = "my/<int:org_pk>/"
application = my + "applications/<int:pk>/"

urlpatterns = [
    path("", public.index, name="index"),
    path("calls/<int:fiscal_year>/", public.call_detail, name="call_detail"),
    path("showcase/", public.showcase_list, name="showcase_list"),
    path("showcase/<int:pk>/", public.showcase_detail, name="showcase_detail"),
    path(my, applications.application_list, name="application_list"),
    path(my + "applications/new/", applications.application_start, name="application_start"),
    path(application, applications.application_detail, name="application_detail"),
    path(application + "step/<slug:step>/", applications.application_step, name="application_step"),
    path(application + "submit/", applications.application_submit, name="application_submit"),
    path(application + "attachments/<int:attachment_pk>/delete/", applications.attachment_delete,
         name="attachment_delete"),
    path(application + "report/", reports.report_edit, name="report_edit"),
    path(application + "report/photos/", reports.report_photo_add, name="report_photo_add"),
    path(application + "report/submit/", reports.report_submit, name="report_submit"),
    path(my + "consultations/", consultations.consultation_list, name="consultation_list"),
    path(my + "consultations/<int:session_pk>/book/", consultations.consultation_book, name="consultation_book"),
    path(my + "consultations/bookings/<int:pk>/cancel/", consultations.consultation_cancel,
         name="consultation_cancel"),
]
