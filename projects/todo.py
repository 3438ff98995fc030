"""Projects' item on the staff to-do list (community/todo.py): grant applications waiting for a decision."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community import registry
from community.todo import TodoItem


def register() -> None:
    from projects.models import Application

    registry.staff_todo.register(TodoItem(
        key="projects.submitted_applications", label=_("審査中の地域おこしプロジェクトの申請"), order=30,
        waiting=lambda: Application.objects.filter(status=Application.Status.SUBMITTED), since_field="submitted_at",
        url=lambda: reverse("admin:projects_application_changelist") + "?status__exact=submitted",
        permission="projects.view_application",
    ))
