"""Create, edit and cancel single sessions; tell the people signed up (mail or call list); remind them the day before."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community import mails
from community.models import Listing, PhoneCall, Session, SignUp
from community.services.schedules import _aware
from community.templatetags.portal import jdatetime


@transaction.atomic
def session_create(*, listing: Listing, fields: dict) -> Session:
    session = Session(listing=listing, **fields)
    session.full_clean()
    session.save()
    return session


@dataclass(frozen=True)
class Told:
    """How the people signed up were told: by mail (queued in the outbox) or on the call list (no address)."""

    mailed: int = 0
    to_call: int = 0


def _tell_signups(session: Session, *, reason: str, detail: str, event: str, mail) -> Told:
    """Mail everyone with an address; put everyone without one on the call list. Each once per event."""
    mailed = to_call = 0
    for signup in session.signups.active().select_related("user", "session__listing", "session__place"):
        if signup.contact_email:
            mail(signup)
            mailed += 1
        else:
            PhoneCall.objects.get_or_create(
                key=f"{event}:signup:{signup.pk}", defaults={"signup": signup, "reason": reason, "detail": detail[:300]}
            )
            to_call += 1
    return Told(mailed=mailed, to_call=to_call)


@transaction.atomic
def session_cancel(*, session: Session, reason: str) -> Told:
    """中止: mark the session cancelled and tell everyone signed up, once: by mail, or on the call list."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    if locked.is_cancelled:
        return Told()
    locked.is_cancelled = True
    locked.cancel_reason = reason
    locked.save(update_fields=["is_cancelled", "cancel_reason"])
    detail = _("%(when)s の回は中止になりました。理由：%(reason)s") % {
        "when": jdatetime(locked.starts_at), "reason": reason or "—"
    }
    return _tell_signups(
        locked, reason=PhoneCall.Reason.CANCELLED, detail=detail, event=f"session:{locked.pk}:cancelled",
        mail=mails.send_session_cancelled_mail,
    )


# Changes that send people to the wrong place or time: everyone signed up hears of them.
NOTICEABLE_FIELDS = ("starts_at", "ends_at", "place")


def session_update(*, session: Session, fields: dict) -> Told:
    """Edit a session; a capacity increase lets the waitlist move up; a new time or place is told to everyone."""
    from community.services.signups import session_capacity_change

    capacity_changed = "capacity" in fields and fields["capacity"] != session.capacity
    before = {name: getattr(session, name) for name in NOTICEABLE_FIELDS}
    with transaction.atomic():
        for name, value in fields.items():
            if name != "capacity":
                setattr(session, name, value)
        session.full_clean()
        session.save()
        if capacity_changed:
            session_capacity_change(session=session, capacity=fields["capacity"])
        if all(getattr(session, name) == value for name, value in before.items()):
            return Told()
        venue = session.venue
        detail = _("新しい日時：%(when)s　場所：%(place)s") % {
            "when": jdatetime(session.starts_at), "place": venue.name if venue else "—"
        }
        stamp = f"{session.starts_at:%Y%m%d%H%M}-{session.ends_at:%H%M}-{session.place_id}"
        return _tell_signups(
            session, reason=PhoneCall.Reason.CHANGED, detail=detail, event=f"session:{session.pk}:changed:{stamp}",
            mail=lambda signup: mails.send_session_changed_mail(signup, stamp=stamp),
        )


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
