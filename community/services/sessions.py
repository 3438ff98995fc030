"""Create, edit and cancel single sessions; remind people the day before."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from community import mails
from community.models import Listing, Session, SignUp
from community.services.schedules import _aware


@transaction.atomic
def session_create(*, listing: Listing, fields: dict) -> Session:
    session = Session(listing=listing, **fields)
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_cancel(*, session: Session, reason: str) -> int:
    """中止: mark the session cancelled and tell everyone signed up (once). Returns how many were told."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    if locked.is_cancelled:
        return 0
    locked.is_cancelled = True
    locked.cancel_reason = reason
    locked.save(update_fields=["is_cancelled", "cancel_reason"])
    signups = list(locked.signups.active().select_related("session__listing"))
    for signup in signups:
        mails.send_session_cancelled_mail(signup)
    return len(signups)


def session_update(*, session: Session, fields: dict) -> Session:
    """Edit a session; a capacity increase lets the waitlist move up."""
    from community.services.signups import session_capacity_change

    capacity_changed = "capacity" in fields and fields["capacity"] != session.capacity
    with transaction.atomic():
        for name, value in fields.items():
            if name != "capacity":
                setattr(session, name, value)
        session.full_clean()
        session.save()
        if capacity_changed:
            session_capacity_change(session=session, capacity=fields["capacity"])
    return session


def signups_needing_reminder(*, now: dt.datetime | None = None):
    """Confirmed sign-ups for sessions on tomorrow's date (Asia/Tokyo) that have not been reminded."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + dt.timedelta(days=1)
    start = _aware(tomorrow, dt.time.min)
    return SignUp.objects.filter(
        status=SignUp.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__is_cancelled=False,
        session__starts_at__gte=start,
        session__starts_at__lt=start + dt.timedelta(days=1),
    )


def send_due_reminders(*, now: dt.datetime | None = None) -> int:
    """Queue each due reminder once, even if two runs overlap; returns how many were queued.

    The outbox key names the sign-up and the session's start, so an overlapping run finds the queued
    message instead of making a second one. reminder_sent_at is written by the outbox once the mail server
    accepted the mail (reminder_mark_sent), never before.
    """
    queued = 0
    due = signups_needing_reminder(now=now).select_related("session__listing", "session__place", "user")
    for signup in due:
        message = mails.send_signup_mail(
            signup,
            "reminder",
            key=f"signup:{signup.pk}:reminder:{signup.session.starts_at:%Y%m%d%H%M}",
            on_sent=REMINDER_SENT,
            on_sent_args={"signup_id": signup.pk},
        )
        if message is not None and message.just_queued:
            queued += 1
    return queued


REMINDER_SENT = "community.reminder_sent"


def reminder_mark_sent(*, signup_id: int) -> None:
    """The outbox calls this once the reminder was accepted by the mail server."""
    SignUp.objects.filter(pk=signup_id, reminder_sent_at__isnull=True).update(reminder_sent_at=timezone.now())
