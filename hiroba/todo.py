"""Hiroba's item on the staff to-do list (community/todo.py): consultation requests nobody has taken yet."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community import registry
from community.todo import TodoItem


def register() -> None:
    from hiroba.models import ConsultationRequest

    registry.staff_todo.register(TodoItem(
        key="hiroba.new_consultations", label=_("担当の決まっていない相談受付"), order=22,
        waiting=lambda: ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW), since_field="received_at",
        url=lambda: reverse("admin:hiroba_consultationrequest_changelist") + "?status__exact=new",
        permission="hiroba.view_consultationrequest",
    ))
