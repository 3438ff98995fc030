"""The kernel's own to-do items (registered in CommunityConfig.ready()); apps add theirs the same way."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community import registry
from community.todo import TodoItem

# A mail still queued after this long means the worker is not running (or cannot reach the database).
STUCK_AFTER = dt.timedelta(hours=1)


def _changelist(name: str, query: str = "") -> callable:
    return lambda: reverse(f"admin:{name}_changelist") + (f"?{query}" if query else "")


def register() -> None:
    from community.models import Listing, Organization, OutboxMessage, PhoneCall, PublicationStatus

    registry.staff_todo.register(TodoItem(
        key="community.pending_organizations", label=_("承認待ちの団体"), order=10,
        waiting=lambda: Organization.objects.filter(status=PublicationStatus.PENDING), since_field="updated_at",
        url=_changelist("community_organization", "status__exact=pending"), permission="community.change_organization",
    ))
    registry.staff_todo.register(TodoItem(
        key="community.pending_listings", label=_("承認待ちの掲載"), order=11,
        waiting=lambda: Listing.objects.filter(status=PublicationStatus.PENDING), since_field="updated_at",
        url=_changelist("community_listing", "status__exact=pending"), permission="community.change_listing",
    ))
    registry.staff_todo.register(TodoItem(
        key="community.phone_calls", label=_("電話でお知らせする方（メールのない申込者）"), order=40,
        waiting=lambda: PhoneCall.objects.open(), since_field="created_at",
        url=_changelist("community_phonecall", "done=no"), permission="community.view_phonecall",
    ))
    registry.staff_todo.register(TodoItem(
        key="community.stuck_mails", label=_("1時間以上送信待ちのままのメール（ワーカーが止まっていないか確認）"), order=51,
        waiting=lambda: OutboxMessage.objects.unsent().filter(created_at__lt=timezone.now() - STUCK_AFTER),
        since_field="created_at",
        url=_changelist("community_outboxmessage", "status__exact=queued"), permission="community.view_outboxmessage",
    ))
    registry.staff_todo.register(TodoItem(
        key="community.failed_mails", label=_("送信できなかったメール"), order=50,
        waiting=lambda: OutboxMessage.objects.failed(), since_field="created_at",
        url=_changelist("community_outboxmessage", "status__exact=failed"), permission="community.view_outboxmessage",
    ))
