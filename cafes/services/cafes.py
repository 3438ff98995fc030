"""Writes for cafés: save a café or lecture from マイ団体, submit it for review, add and stop schedules."""

from django.db import transaction

from community.models import Listing, RecurringSchedule, Session
from community.services import moderation, schedules


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


@transaction.atomic
def schedule_add(*, listing: Listing, form) -> tuple[RecurringSchedule, list[Session]]:
    """Save a recurring schedule for the listing and generate its sessions for the next three months."""
    schedule = form.save(commit=False)
    schedule.listing = listing
    schedule.full_clean()
    schedule.save()
    # The kernel generates about three months ahead, skipping holidays (if asked) and 年末年始.
    return schedule, schedules.schedule_generate_sessions(schedule=schedule)


def schedule_remove(*, schedule: RecurringSchedule) -> int:
    """Stop a schedule: its future sessions without sign-ups go; those with sign-ups stay for the organizer."""
    return schedules.schedule_stop(schedule=schedule)
