"""Turn recurring schedules into real sessions, and cancel a date with notice to those signed up.

Sessions are generated ahead (see the generate_sessions command) so every filter — weekday, morning or
afternoon, next date — works on real dates. Generation is idempotent: a date that already has a session
from the schedule (even a cancelled one) is never created again.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from community.models import RecurringSchedule, Session

HORIZON_DAYS = 92  # about three months


def is_year_end_closure(day: dt.date) -> bool:
    """年末年始 (12/29–1/3): public facilities close, so no sessions are generated."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time), timezone.get_default_timezone())


@transaction.atomic
def schedule_generate_sessions(*, schedule: RecurringSchedule, until: dt.date | None = None) -> list[Session]:
    """Create the missing sessions of `schedule` from today until `until` (default: three months ahead)."""
    today = timezone.localdate()
    until = until or today + dt.timedelta(days=HORIZON_DAYS)
    existing = {
        timezone.localtime(start).date()
        for start in Session.objects.filter(schedule=schedule).values_list("starts_at", flat=True)
    }
    new = [
        Session(
            listing_id=schedule.listing_id,
            schedule=schedule,
            starts_at=_aware(day, schedule.start_time),
            ends_at=_aware(day, schedule.end_time),
            place_id=schedule.place_id,
            capacity=schedule.capacity,
            signup_required=schedule.signup_required,
            fee_text=schedule.fee_text,
        )
        for day in schedule.occurrences(today, until)
        if day not in existing and not is_year_end_closure(day)
    ]
    return Session.objects.bulk_create(new)


def generate_all_sessions(*, until: dt.date | None = None) -> int:
    created = 0
    for schedule in RecurringSchedule.objects.select_related("listing").filter(listing__status="published"):
        created += len(schedule_generate_sessions(schedule=schedule, until=until))
    return created


@transaction.atomic
def schedule_stop(*, schedule: RecurringSchedule) -> int:
    """Delete a schedule and its future sessions that nobody signed up for; return how many were removed."""
    future = Session.objects.filter(schedule=schedule, starts_at__gte=timezone.now(), signups__isnull=True)
    removed, _ = future.delete()
    schedule.delete()
    return removed
