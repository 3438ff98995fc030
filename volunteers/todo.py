"""Volunteers' items on the staff to-do list (community/todo.py): residents' messages that wait for an answer."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community import registry
from community.todo import TodoItem


def register() -> None:
    from volunteers.models import CommissionerContact, JoinInquiry

    registry.staff_todo.register(TodoItem(
        key="volunteers.join_inquiries", label=_("未回答の加入の問い合わせ（町会・自治会）"), order=20,
        waiting=lambda: JoinInquiry.objects.unanswered(), since_field="created_at",
        url=lambda: reverse("admin:volunteers_joininquiry_changelist") + "?status__exact=new",
        permission="volunteers.view_joininquiry",
    ))
    registry.staff_todo.register(TodoItem(
        key="volunteers.commissioner_contacts", label=_("未対応の民生・児童委員への連絡"), order=21,
        waiting=lambda: CommissionerContact.objects.filter(status=CommissionerContact.Status.NEW), since_field="created_at",
        url=lambda: reverse("admin:volunteers_commissionercontact_changelist") + "?status__exact=new",
        permission="volunteers.view_commissionercontact",
    ))
