"""Guest sign-ups (no account): the same seats, waitlist and idempotency rules as account sign-ups."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from community.models import SignUp
from community.services.guest_signups import (
    confirm_token,
    guest_key,
    guest_signup_confirm,
    guest_signup_start,
    signup_from_confirm_token,
)
from community.services.signups import signup_cancel, signup_create
from tests.conftest import make_session, make_user


def _phone_guest(session, phone="03-1234-5678", **extra):
    return guest_signup_start(session=session, name="石神井 ハナ", phone=phone, **extra)


def test_a_phone_only_guest_gets_a_seat_and_a_reference_at_once(listing):
    session = make_session(listing, capacity=3)
    signup, created = _phone_guest(session, party_size=2)
    assert created
    assert signup.status == SignUp.Status.CONFIRMED
    assert re.fullmatch(r"\d{4}-\d{4}", signup.reference)
    assert signup.user is None and signup.is_guest
    assert session.seats_left() == 1
    assert mail.outbox == []  # nobody to mail


def test_a_phone_only_guest_waitlists_when_full(listing, resident):
    session = make_session(listing, capacity=1)
    signup_create(session=session, user=resident)
    signup, _created = _phone_guest(session)
    assert signup.status == SignUp.Status.WAITLISTED


def test_a_guest_never_jumps_the_waitlist(listing, resident):
    session = make_session(listing, capacity=2)
    signup_create(session=session, user=resident, party_size=2)
    waiting = signup_create(session=session, user=make_user("w@example.jp"), party_size=2)
    signup_cancel(signup=SignUp.objects.get(user=resident))
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    late, _created = _phone_guest(session)
    assert late.status == SignUp.Status.WAITLISTED


def test_the_same_phone_written_differently_is_the_same_guest(listing):
    session = make_session(listing, capacity=5)
    first, _ = _phone_guest(session, phone="03-1234-5678")
    second, created = _phone_guest(session, phone="０３（１２３４）５６７８")
    assert second.pk == first.pk and not created
    assert SignUp.objects.count() == 1


def test_the_database_refuses_a_second_active_signup_by_the_same_guest(listing):
    session = make_session(listing)
    SignUp.objects.create(session=session, name="A", status=SignUp.Status.CONFIRMED, guest_key="tel:0312345678")
    with pytest.raises(IntegrityError):
        SignUp.objects.create(session=session, name="A", status=SignUp.Status.WAITLISTED, guest_key="tel:0312345678")


def test_guest_key_prefers_the_email_and_folds_case(listing):
    assert guest_key(email=" Hana@Example.JP ", phone="03-1") == "mail:hana@example.jp"
    assert guest_key(phone="０９０-１２３４-５６７８") == "tel:09012345678"
    assert guest_key() == ""


def test_a_guest_needs_a_name_and_a_contact(listing):
    session = make_session(listing)
    with pytest.raises(ValidationError, match="どちらか"):
        guest_signup_start(session=session, name="A")
    with pytest.raises(ValidationError, match="氏名"):
        guest_signup_start(session=session, name="", phone="0312345678")
    assert not SignUp.objects.exists()


def test_a_guest_cannot_sign_up_when_signup_is_closed(listing):
    session = make_session(listing, signup_required=False)
    with pytest.raises(ValidationError, match="受け付けていません"):
        _phone_guest(session)


def test_a_party_larger_than_the_capacity_is_refused(listing):
    session = make_session(listing, capacity=2)
    with pytest.raises(ValidationError, match="定員を超えて"):
        _phone_guest(session, party_size=3)


def test_an_email_guest_holds_no_seat_until_the_link_is_opened(listing, django_capture_on_commit_callbacks):
    session = make_session(listing, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        pending, created = guest_signup_start(session=session, name="A", email="a@example.jp")
    assert created and pending.status == SignUp.Status.PENDING
    assert session.seats_left() == 1
    (message,) = mail.outbox
    assert message.to == ["a@example.jp"]
    assert "/guest-signups/confirm/" in message.body and pending.reference in message.body
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = guest_signup_confirm(signup=pending)
    assert confirmed.status == SignUp.Status.CONFIRMED
    assert session.seats_left() == 0
    (receipt,) = [m for m in mail.outbox[1:] if m.to == ["a@example.jp"]]  # the organizer hears of it too
    assert "/signups/cancel/" in receipt.body  # the usual confirmation, with the cancel link


def test_asking_again_before_confirming_keeps_one_pending_signup_and_one_mail(listing, django_capture_on_commit_callbacks):
    session = make_session(listing)
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
        second, created = guest_signup_start(session=session, name="A", email="A@example.jp")
    assert second.pk == first.pk and not created
    assert len(mail.outbox) == 1


def test_confirming_twice_is_harmless(listing):
    session = make_session(listing, capacity=5)
    pending, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
    first = guest_signup_confirm(signup=pending)
    again = guest_signup_confirm(signup=pending)
    assert first.pk == again.pk and again.status == SignUp.Status.CONFIRMED
    assert SignUp.objects.active().count() == 1


def test_the_waitlist_counts_from_confirmation_not_from_the_request(listing, resident):
    session = make_session(listing, capacity=1)
    signup_create(session=session, user=resident)
    pending, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
    other = signup_create(session=session, user=make_user("b@example.jp"))
    confirmed = guest_signup_confirm(signup=pending)
    assert confirmed.status == SignUp.Status.WAITLISTED
    assert list(session.signups.waitlist()) == [other, confirmed]


def test_a_link_opened_after_48_hours_is_refused(listing):
    session = make_session(listing, days=10)
    pending, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
    SignUp.objects.filter(pk=pending.pk).update(created_at=timezone.now() - dt.timedelta(hours=49))
    with pytest.raises(ValidationError, match="期限"):
        guest_signup_confirm(signup=pending)
    pending.refresh_from_db()
    assert pending.status == SignUp.Status.PENDING


def test_two_pending_requests_confirmed_leave_one_active_signup(listing):
    session = make_session(listing, capacity=5)
    old, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
    SignUp.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=49))
    new, created = guest_signup_start(session=session, name="A", email="a@example.jp")
    assert created and new.pk != old.pk
    kept = guest_signup_confirm(signup=new)
    assert guest_signup_confirm(signup=old).pk == kept.pk
    assert SignUp.objects.active().count() == 1


def test_the_confirm_token_names_the_signup_and_a_forged_one_names_nothing(listing):
    pending, _ = guest_signup_start(session=make_session(listing), name="A", email="a@example.jp")
    assert signup_from_confirm_token(confirm_token(pending)) == pending
    assert signup_from_confirm_token("forged") is None


def test_a_pending_guest_gets_no_reminder_and_no_session_cancelled_mail(listing, django_capture_on_commit_callbacks):
    from community.services.sessions import session_cancel

    session = make_session(listing)
    guest_signup_start(session=session, name="A", email="a@example.jp")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=session, reason="雨天")
    assert mail.outbox == []
