"""Writes for cafés: save a café or lecture from マイ団体, submit it for review, add and stop schedules."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from community.models import Listing, RecurringSchedule, Session
from community.services import moderation

HORIZON_DAYS = 92  # sessions are generated about three months ahead


@transaction.atomic
def cafe_save(*, form, organization=None) -> Listing:
    """Save a café/lecture form: a new one starts as 下書き; an edit of a public one stays public (with history)."""
    listing = form.save(commit=False)
    if listing.pk is None:
        listing.organization = organization or form.cleaned_data["organization"]
    listing.full_clean()
    listing.save()
    form.save_m2m()
    return listing


def cafe_submit(*, listing: Listing) -> None:
    """下書き/差戻し → 承認待ち: staff approve it in the admin."""
    moderation.publishable_submit(obj=listing)


def schedule_generate_sessions(*, schedule: RecurringSchedule, until: dt.date) -> list[Session]:
    """Create the missing sessions of the schedule from today to `until` (idempotent by date)."""
    existing = {
        timezone.localtime(start).date()
        for start in Session.objects.filter(schedule=schedule).values_list("starts_at", flat=True)
    }
    zone = timezone.get_default_timezone()
    sessions = [
        Session(
            listing_id=schedule.listing_id,
            schedule=schedule,
            starts_at=dt.datetime.combine(day, schedule.start_time, tzinfo=zone),
            ends_at=dt.datetime.combine(day, schedule.end_time, tzinfo=zone),
            place_id=schedule.place_id,
            capacity=schedule.capacity,
            signup_required=schedule.signup_required,
            fee_text=schedule.fee_text,
        )
        for day in schedule.occurrences(timezone.localdate(), until)
        if day not in existing
    ]
    return Session.objects.bulk_create(sessions)


@transaction.atomic
def schedule_add(*, listing: Listing, form) -> tuple[RecurringSchedule, list[Session]]:
    """Save a recurring schedule for the listing and generate its sessions for the next three months."""
    schedule = form.save(commit=False)
    schedule.listing = listing
    schedule.full_clean()
    schedule.save()
    until = timezone.localdate() + dt.timedelta(days=HORIZON_DAYS)
    return schedule, schedule_generate_sessions(schedule=schedule, until=until)


@transaction.atomic
def schedule_remove(*, schedule: RecurringSchedule) -> int:
    """Stop a schedule: its future sessions without sign-ups go; those with sign-ups stay for the organizer."""
    removed, _ = Session.objects.filter(
        schedule=schedule, starts_at__gte=timezone.now(), signups__isnull=True
    ).delete()
    schedule.delete()
    return removed
