import datetime as dt

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from community.models import SignUp
from community.services.sessions import Told, send_due_reminders, session_cancel
from community.services.signups import signup_create
from tests.conftest import make_session, make_user


def _tomorrow_session(listing, **extra):
    return make_session(listing, days=1, hour=10, capacity=10, **extra)


def test_the_day_before_each_confirmed_person_gets_one_reminder(listing, resident, django_capture_on_commit_callbacks):
    session = _tomorrow_session(listing)
    signup = signup_create(session=session, user=resident)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
        call_command("send_reminders", stdout=open("/dev/null", "w"))
    signup.refresh_from_db()
    assert signup.reminder_sent_at is not None
    (message,) = mail.outbox
    assert "明日のご案内" in message.subject
    assert message.to == [resident.email]


def test_sessions_further_ahead_cancelled_or_waitlisted_are_not_reminded(listing, resident):
    signup_create(session=make_session(listing, days=3), user=resident)
    cancelled = _tomorrow_session(listing)
    signup_create(session=cancelled, user=make_user("c@example.jp"))
    session_cancel(session=cancelled, reason="雨天")
    full = _tomorrow_session(listing, title="満席")
    full.capacity = 1
    full.save()
    signup_create(session=full, user=make_user("f1@example.jp"))
    waiting = signup_create(session=full, user=make_user("f2@example.jp"))
    assert waiting.status == SignUp.Status.WAITLISTED
    mail.outbox.clear()
    assert send_due_reminders() == 1  # only f1, confirmed for tomorrow


def test_the_reminder_is_in_the_residents_language(listing, django_capture_on_commit_callbacks):
    english = make_user("en@example.jp", name="Ann", preferred_language="en")
    signup_create(session=_tomorrow_session(listing), user=english)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders()
    assert mail.outbox[0].to == ["en@example.jp"]


def test_a_session_just_after_midnight_counts_as_tomorrow(listing, resident):
    start = timezone.localtime().replace(hour=0, minute=30, second=0, microsecond=0) + dt.timedelta(days=1)
    session = make_session(listing, capacity=5)
    session.starts_at, session.ends_at = start, start + dt.timedelta(hours=1)
    session.save()
    signup_create(session=session, user=resident)
    assert send_due_reminders() == 1


def test_cancelling_a_session_mails_everyone_signed_up_once(listing, resident, django_capture_on_commit_callbacks):
    session = make_session(listing, capacity=1)
    signup_create(session=session, user=resident)
    signup_create(session=session, user=make_user("w@example.jp"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert session_cancel(session=session, reason="講師の急病のため") == Told(mailed=2, to_call=0)
        assert session_cancel(session=session, reason="again") == Told()
    assert len(mail.outbox) == 2
    assert all("中止のお知らせ" in m.subject and "講師の急病のため" in m.body for m in mail.outbox)
