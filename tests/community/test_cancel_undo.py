"""Cancel after a confirmation page, and 「元に戻す」 only while the seat is still free."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from community.models import SignUp
from community.services.signups import (
    cancel_token,
    signup_can_restore,
    signup_cancel,
    signup_create,
    signup_restore,
)
from tests.conftest import make_session, make_user


@pytest.fixture
def session(listing):
    return make_session(listing, capacity=1)


# --- the rule -------------------------------------------------------------------------------------

def test_an_undo_right_after_cancelling_gives_the_seat_back(session, resident, django_capture_on_commit_callbacks):
    signup = signup_cancel(signup=signup_create(session=session, user=resident))
    assert signup_can_restore(signup)
    signup_create(session=session, user=make_user("w@example.jp"), party_size=1)
    assert not signup_can_restore(signup)  # someone took the seat…
    signup_cancel(signup=SignUp.objects.get(user__email="w@example.jp"))
    assert signup_can_restore(signup)  # …and gave it back
    with django_capture_on_commit_callbacks(execute=True):
        restored = signup_restore(signup=signup)
    assert restored.status == SignUp.Status.CONFIRMED and restored.cancelled_at is None
    assert session.seats_left() == 0
    assert "元に戻しました" in [m for m in mail.outbox if m.to == [resident.email]][-1].subject


def test_no_undo_once_a_waitlisted_neighbour_moved_up(session, resident):
    signup = signup_create(session=session, user=resident)
    neighbour = signup_create(session=session, user=make_user("n@example.jp"))
    signup = signup_cancel(signup=signup)
    neighbour.refresh_from_db()
    assert neighbour.status == SignUp.Status.CONFIRMED
    with pytest.raises(ValidationError, match="移りました"):
        signup_restore(signup=signup)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_no_undo_after_thirty_minutes(session, resident):
    signup = signup_cancel(signup=signup_create(session=session, user=resident))
    SignUp.objects.filter(pk=signup.pk).update(cancelled_at=timezone.now() - dt.timedelta(minutes=31))
    signup.refresh_from_db()
    assert not signup_can_restore(signup)
    with pytest.raises(ValidationError, match="時間がたった"):
        signup_restore(signup=signup)


def test_undo_of_an_active_signup_changes_nothing(session, resident):
    signup = signup_create(session=session, user=resident)
    assert signup_restore(signup=signup).pk == signup.pk
    assert SignUp.objects.get().status == SignUp.Status.CONFIRMED


def test_no_undo_when_the_resident_already_signed_up_again(listing, resident):
    session = make_session(listing, capacity=5)
    old = signup_cancel(signup=signup_create(session=session, user=resident))
    signup_create(session=session, user=resident)
    with pytest.raises(ValidationError, match="別の申込"):
        signup_restore(signup=old)
    assert SignUp.objects.active().count() == 1


# --- マイページ: ask first, then offer 元に戻す ---------------------------------------------------

def test_mypage_cancel_asks_first_and_changes_nothing_on_get(client, session, resident):
    signup = signup_create(session=session, user=resident)
    client.force_login(resident)
    response = client.get(reverse("community:mypage_signup_cancel", args=[signup.pk]))
    assert response.status_code == 200
    assert "よろしいですか" in response.content.decode()
    signup.refresh_from_db()
    assert signup.is_active


def test_mypage_cancel_then_undo(client, session, resident):
    signup = signup_create(session=session, user=resident)
    client.force_login(resident)
    response = client.post(reverse("community:mypage_signup_cancel", args=[signup.pk]), follow=True)
    body = response.content.decode()
    assert "キャンセルしました" in body and "元に戻す" in body
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    response = client.post(reverse("community:mypage_signup_restore", args=[signup.pk]))
    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_mypage_undo_refused_with_the_reason_when_the_seat_is_gone(client, session, resident):
    signup = signup_create(session=session, user=resident)
    signup_create(session=session, user=make_user("n@example.jp"))
    client.force_login(resident)
    client.post(reverse("community:mypage_signup_cancel", args=[signup.pk]))
    page = client.get(reverse("community:mypage_signup_cancelled", args=[signup.pk])).content.decode()
    assert "キャンセルしました" in page and "元に戻す" not in page
    response = client.post(reverse("community:mypage_signup_restore", args=[signup.pk]))
    assert response.status_code == 409
    assert "ほかの方に移りました" in response.content.decode()


@pytest.mark.parametrize("name", ["mypage_signup_cancel", "mypage_signup_cancelled", "mypage_signup_restore"])
def test_someone_else_cannot_cancel_see_or_undo(client, session, resident, name):
    signup = signup_create(session=session, user=resident)
    client.force_login(make_user("other@example.jp"))
    assert client.post(reverse(f"community:{name}", args=[signup.pk])).status_code == 404
    signup.refresh_from_db()
    assert signup.is_active


def test_undo_needs_a_login_and_a_post(client, session, resident):
    signup = signup_cancel(signup=signup_create(session=session, user=resident))
    assert client.post(reverse("community:mypage_signup_restore", args=[signup.pk])).status_code == 302
    client.force_login(resident)
    assert client.get(reverse("community:mypage_signup_restore", args=[signup.pk])).status_code == 405
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


# --- the mail's link: the same, with the token as the key -------------------------------------------

def test_mail_link_cancel_then_undo(client, session, resident):
    signup = signup_create(session=session, user=resident)
    token = cancel_token(signup)
    body = client.post(reverse("community:signup_cancel", args=[token])).content.decode()
    assert "元に戻す" in body
    response = client.post(reverse("community:signup_restore", args=[token]))
    assert response.status_code == 200 and "元に戻しました" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_a_forged_undo_link_is_404(client):
    assert client.post(reverse("community:signup_restore", args=["forged"])).status_code == 404
