"""Projects' item on the staff to-do list (community/todo.py): grant applications waiting for a decision."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.todo import TodoItem, todo_register


def register() -> None:
    from projects.models import Application

    todo_register(TodoItem(
        key="projects.submitted_applications", label=_("審査中の地域おこしプロジェクトの申請"), order=30,
        waiting=lambda: Application.objects.filter(status=Application.Status.SUBMITTED), since_field="submitted_at",
        url=lambda: reverse("admin:projects_application_changelist") + "?status__exact=submitted",
        permission="projects.view_application",
    ))
