import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from community.models import SignUp
from community.services.signups import (
    cancel_token,
    session_capacity_change,
    signup_cancel,
    signup_create,
    signup_from_cancel_token,
)
from tests.conftest import make_session, make_user


def test_it_confirms_until_capacity_then_waitlists(listing, resident):
    session = make_session(listing, capacity=1)
    first = signup_create(session=session, user=resident)
    second = signup_create(session=session, user=make_user("b@example.jp", name="B"))
    assert first.status == SignUp.Status.CONFIRMED
    assert second.status == SignUp.Status.WAITLISTED


def test_a_party_counts_every_person(listing, resident):
    session = make_session(listing, capacity=3)
    signup_create(session=session, user=resident, party_size=2)
    late = signup_create(session=session, user=make_user("b@example.jp"), party_size=2)
    assert late.status == SignUp.Status.WAITLISTED
    assert session.seats_left() == 1


def test_a_party_larger_than_the_capacity_is_refused(listing, resident):
    session = make_session(listing, capacity=2)
    with pytest.raises(ValidationError, match="定員を超えて"):
        signup_create(session=session, user=resident, party_size=3)


def test_a_repeated_signup_returns_the_same_one(listing, resident):
    session = make_session(listing, capacity=5)
    assert signup_create(session=session, user=resident).pk == signup_create(session=session, user=resident).pk
    assert SignUp.objects.count() == 1


def test_the_database_refuses_a_second_active_signup(listing, resident):
    session = make_session(listing)
    SignUp.objects.create(session=session, user=resident, name="A", status=SignUp.Status.CONFIRMED)
    with pytest.raises(IntegrityError):
        SignUp.objects.create(session=session, user=resident, name="A", status=SignUp.Status.WAITLISTED)


def test_after_cancelling_one_may_sign_up_again(listing, resident):
    session = make_session(listing)
    signup_cancel(signup=signup_create(session=session, user=resident))
    again = signup_create(session=session, user=resident)
    assert again.status == SignUp.Status.CONFIRMED


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(dt.timedelta(days=1), None, "受け付けていません"), (None, -dt.timedelta(hours=1), "受け付けていません")],
)
def test_the_signup_window_is_respected(listing, resident, opens, closes, message):
    now = timezone.now()
    session = make_session(
        listing,
        signup_opens_at=now + opens if opens else None,
        signup_closes_at=now + closes if closes else None,
    )
    with pytest.raises(ValidationError, match=message):
        signup_create(session=session, user=resident)


def test_the_sign_up_changes_by_itself_when_it_opens_closes_or_the_session_starts(listing):
    now = timezone.now()
    session = make_session(listing, days=2, signup_opens_at=now + dt.timedelta(hours=1),
                           signup_closes_at=now + dt.timedelta(days=1))

    assert session.signup_changes_at(now) == session.signup_opens_at
    assert session.signup_changes_at(now + dt.timedelta(hours=2)) == session.signup_closes_at
    assert session.signup_changes_at(now + dt.timedelta(days=1, hours=1)) == session.starts_at
    assert session.signup_changes_at(session.starts_at) is None


def test_past_cancelled_or_no_signup_sessions_refuse(listing, resident):
    for session in (
        make_session(listing, days=-1),
        make_session(listing, is_cancelled=True),
        make_session(listing, signup_required=False),
    ):
        with pytest.raises(ValidationError):
            signup_create(session=session, user=resident)


def test_waitlist_moves_up_first_come_first_served(listing, resident):
    session = make_session(listing, capacity=1)
    first = signup_create(session=session, user=resident)
    early = signup_create(session=session, user=make_user("early@example.jp"))
    late = signup_create(session=session, user=make_user("late@example.jp"))
    signup_cancel(signup=first)
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.status, late.status) == (SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED)


def test_a_newcomer_does_not_jump_ahead_of_the_waitlist(listing, resident):
    session = make_session(listing, capacity=2)
    signup_create(session=session, user=resident)
    big = signup_create(session=session, user=make_user("big@example.jp"), party_size=2)
    small = signup_create(session=session, user=make_user("small@example.jp"))
    assert (big.status, small.status) == (SignUp.Status.WAITLISTED, SignUp.Status.WAITLISTED)


def test_a_large_party_at_the_head_of_the_waitlist_is_not_skipped(listing, resident):
    session = make_session(listing, capacity=2)
    first = signup_create(session=session, user=resident)
    signup_create(session=session, user=make_user("second@example.jp"))
    big = signup_create(session=session, user=make_user("big@example.jp"), party_size=2)
    small = signup_create(session=session, user=make_user("small@example.jp"))
    signup_cancel(signup=first)
    big.refresh_from_db()
    small.refresh_from_db()
    # One seat free is not enough for the party of two at the head; nobody jumps the queue.
    assert (big.status, small.status) == (SignUp.Status.WAITLISTED, SignUp.Status.WAITLISTED)


def test_more_capacity_promotes_the_waitlist(listing, resident):
    session = make_session(listing, capacity=1)
    signup_create(session=session, user=resident)
    waiting = signup_create(session=session, user=make_user("b@example.jp"))
    assert session_capacity_change(session=session, capacity=2) == [waiting]


def test_cancel_promotes_the_first_waitlisted_and_mails_them(listing, resident, django_capture_on_commit_callbacks):
    session = make_session(listing, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = signup_create(session=session, user=resident)
        waiting = signup_create(session=session, user=make_user("b@example.jp", name="B"))
        mail.outbox.clear()
        signup_cancel(signup=first)
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    assert any("繰り上がりました" in m.subject and m.to == ["b@example.jp"] for m in mail.outbox)


def test_the_confirmation_mail_carries_a_working_cancel_link(listing, resident, django_capture_on_commit_callbacks):
    session = make_session(listing, capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        signup = signup_create(session=session, user=resident)
    (message,) = [m for m in mail.outbox if m.to == [resident.email]]  # the organizer hears of it too
    assert "申込を受け付けました" in message.subject
    assert listing.title in message.body
    # The link as mailed (a token made again now could carry another second's timestamp).
    token = re.search(r"/signups/cancel/([^/\s]+)/", message.body).group(1)
    assert signup_from_cancel_token(token) == signup
    assert signup_from_cancel_token(cancel_token(signup) + "x") is None


def test_a_cancel_link_keeps_working_long_after_it_was_mailed(listing, resident, time_machine):
    time_machine.move_to(dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC), tick=False)
    signup = signup_create(session=make_session(listing, days=400, capacity=5), user=resident)
    token = cancel_token(signup)
    time_machine.move_to(dt.datetime(2027, 4, 1, 9, tzinfo=dt.UTC), tick=False)
    assert signup_from_cancel_token(token) == signup


def test_a_proxy_signup_needs_a_name_and_keeps_the_staff_member(listing, staff):
    session = make_session(listing, capacity=5)
    with pytest.raises(ValidationError):
        signup_create(session=session, proxy_by=staff, name="")
    signup = signup_create(session=session, proxy_by=staff, name="電話 よしこ", phone="03-0000-0000", party_size=2)
    assert signup.user is None and signup.proxy_by == staff and signup.status == SignUp.Status.CONFIRMED
