"""電話連絡リスト: tick a call off (organizer or staff); the rows themselves are made by services/sessions.py."""

from django.db import transaction
from django.utils import timezone

from community.models import PhoneCall


@transaction.atomic
def phone_call_done(*, call: PhoneCall, by) -> PhoneCall:
    """Record that the person was phoned (a second tick keeps the first one's time and name)."""
    locked = PhoneCall.objects.select_for_update().get(pk=call.pk)
    if locked.done_at is None:
        locked.done_at = timezone.now()
        locked.done_by = by
        locked.save(update_fields=["done_at", "done_by"])
    return locked


@transaction.atomic
def phone_call_reopen(*, call: PhoneCall) -> PhoneCall:
    """Ticked by mistake: back on the list."""
    locked = PhoneCall.objects.select_for_update().get(pk=call.pk)
    locked.done_at = None
    locked.done_by = None
    locked.save(update_fields=["done_at", "done_by"])
    return locked
