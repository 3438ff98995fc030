"""Phone people are not forgotten: sign-ups without e-mail go on a call list when their session is cancelled or
changed, the organizer and staff tick them off, and the confirmation counts mails and calls apart."""

import datetime as dt

import pytest
from django.urls import reverse

from community.models import OutboxMessage, PhoneCall, SignUp
from community.services.guest_signups import guest_signup_confirm, guest_signup_start
from community.services.sessions import Told, session_cancel, session_update
from community.services.signups import signup_create
from tests.conftest import make_session, make_user


def _mixed(session, staff, *, mailed: int = 3, phoned: int = 3):
    for n in range(mailed):
        signup_create(session=session, user=make_user(f"mail{n}@example.jp", name=f"メール {n}"))
    for n in range(phoned):
        signup_create(session=session, name=f"電話 {n}", phone=f"03-0000-10{n:02d}", proxy_by=staff)


@pytest.fixture
def session(listing):
    return make_session(listing, capacity=20)


def test_a_cancellation_mails_some_and_puts_the_others_on_the_call_list(session, staff):
    _mixed(session, staff)

    told = session_cancel(session=session, reason="台風のため")

    assert told == Told(mailed=3, to_call=3)
    cancelled = OutboxMessage.objects.filter(kind="community/mail/session_cancelled")
    assert sorted(m.to for m in cancelled) == ["mail0@example.jp", "mail1@example.jp", "mail2@example.jp"]
    calls = PhoneCall.objects.open().order_by("signup__name")
    assert [c.signup.name for c in calls] == ["電話 0", "電話 1", "電話 2"]
    assert all(c.reason == PhoneCall.Reason.CANCELLED and "台風のため" in c.detail for c in calls)
    assert session_cancel(session=session, reason="again") == Told()
    assert PhoneCall.objects.count() == 3


def test_guests_count_like_everyone_else_mail_if_they_gave_an_address_a_call_if_only_a_phone(session, staff):
    """Guest sign-ups (no account): a phone-only guest is called, a confirmed e-mail guest is mailed, and a guest
    who never opened the confirmation mail holds no seat and is told nothing."""
    _mixed(session, staff, mailed=1, phoned=1)
    phone_guest, _ = guest_signup_start(session=session, name="電話だけ 花子", phone="090-1111-2222")
    mail_guest, _ = guest_signup_start(session=session, name="メール 次郎", email="jiro@example.jp")
    guest_signup_confirm(signup=mail_guest)
    guest_signup_start(session=session, name="未確認 三郎", email="saburo@example.jp")

    told = session_cancel(session=session, reason="会場の工事")

    assert told == Told(mailed=2, to_call=2)
    cancelled = OutboxMessage.objects.filter(kind="community/mail/session_cancelled")
    assert sorted(m.to for m in cancelled) == ["jiro@example.jp", "mail0@example.jp"]
    calls = {c.signup.name: c.signup.phone for c in PhoneCall.objects.open().select_related("signup")}
    assert calls == {"電話 0": "03-0000-1000", "電話だけ 花子": "090-1111-2222"}
    assert phone_guest.pk in PhoneCall.objects.values_list("signup_id", flat=True)


def test_the_cancel_screen_counts_guests_without_e_mail_among_the_calls(client, org_member, session, staff):
    _mixed(session, staff, mailed=1, phoned=0)
    guest_signup_start(session=session, name="電話だけ 花子", phone="090-1111-2222")
    client.force_login(org_member)

    response = client.post(
        reverse("community:session_cancel", args=[session.listing.organization_id, session.pk]), {"reason": "講師の急病"},
        follow=True,
    )

    page = response.content.decode()
    assert "1件にメールでお知らせします" in page
    assert "メールアドレスのない1件は、電話でのお知らせが必要です" in page
    assert PhoneCall.objects.get().signup.name == "電話だけ 花子"


def test_the_cancel_screen_counts_mails_and_calls_truthfully(client, org_member, session, staff):
    _mixed(session, staff, mailed=2, phoned=1)
    client.force_login(org_member)

    response = client.post(
        reverse("community:session_cancel", args=[session.listing.organization_id, session.pk]), {"reason": "講師の急病"},
        follow=True,
    )

    page = response.content.decode()
    assert "2件にメールでお知らせします" in page
    assert "メールアドレスのない1件は、電話でのお知らせが必要です" in page


def test_a_new_time_is_mailed_and_called_once(session, staff):
    _mixed(session, staff, mailed=1, phoned=1)
    later = session.starts_at + dt.timedelta(hours=1)

    told = session_update(session=session, fields={"starts_at": later, "ends_at": later + dt.timedelta(hours=2)})
    again = session_update(session=session, fields={"starts_at": later, "ends_at": later + dt.timedelta(hours=2)})

    assert (told, again) == (Told(mailed=1, to_call=1), Told())
    (changed,) = OutboxMessage.objects.filter(kind="community/mail/session_changed")
    assert changed.to == "mail0@example.jp" and "日時・場所の変更" in changed.subject
    call = PhoneCall.objects.get()
    assert call.reason == PhoneCall.Reason.CHANGED and "新しい日時" in call.detail


def test_a_change_nobody_needs_to_hear_of_tells_nobody(session, staff):
    _mixed(session, staff, mailed=1, phoned=1)
    assert session_update(session=session, fields={"notes": "飲み物をお持ちください", "capacity": 25}) == Told()
    assert not PhoneCall.objects.exists()


def test_cancelled_sign_ups_are_not_called(session, staff):
    signup = signup_create(session=session, name="電話 済", phone="03-0000-1099", proxy_by=staff)
    SignUp.objects.filter(pk=signup.pk).update(status=SignUp.Status.CANCELLED)
    assert session_cancel(session=session, reason="雨") == Told()


# --- マイ団体 › 電話連絡 ----------------------------------------------------------------------------------

def _calls_url(session):
    return reverse("community:phone_calls", args=[session.listing.organization_id])


def test_the_organizer_sees_whom_to_phone_and_ticks_them_off(client, org_member, session, staff):
    _mixed(session, staff, mailed=0, phoned=2)
    session_cancel(session=session, reason="雨")
    client.force_login(org_member)

    page = client.get(_calls_url(session)).content.decode()
    assert 'href="tel:0300001000"' in page and "電話 1" in page and "雨" in page

    call = PhoneCall.objects.get(signup__name="電話 0")
    response = client.post(reverse("community:phone_call_done", args=[session.listing.organization_id, call.pk]), follow=True)
    call.refresh_from_db()
    assert call.is_done and call.done_by == org_member
    assert "電話したことを記録しました" in response.content.decode()
    assert PhoneCall.objects.open().count() == 1


def test_a_tick_can_be_undone(client, org_member, session, staff):
    _mixed(session, staff, mailed=0, phoned=1)
    session_cancel(session=session, reason="雨")
    call = PhoneCall.objects.get()
    client.force_login(org_member)
    url = reverse("community:phone_call_done", args=[session.listing.organization_id, call.pk])
    client.post(url)
    client.post(url, {"undo": "1"})
    call.refresh_from_db()
    assert not call.is_done and call.done_by is None


def test_another_organization_sees_none_of_it(client, other_org_member, session, staff):
    _mixed(session, staff, mailed=0, phoned=1)
    session_cancel(session=session, reason="雨")
    call = PhoneCall.objects.get()
    client.force_login(other_org_member)
    assert client.get(_calls_url(session)).status_code == 404
    assert client.post(reverse("community:phone_call_done", args=[session.listing.organization_id, call.pk])).status_code == 404
    own = reverse("community:phone_calls", args=[other_org_member.memberships.get().organization_id])
    assert "電話 0" not in client.get(own).content.decode()
    call.refresh_from_db()
    assert not call.is_done


def test_visitors_are_sent_to_log_in(client, session):
    response = client.get(_calls_url(session))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_call_list_has_a_fixed_query_budget(client, org_member, listing, staff, rows, django_assert_max_num_queries):
    session = make_session(listing, capacity=None)
    SignUp.objects.bulk_create([
        SignUp(session=session, name=f"電話 {n}", phone="03-0000-0000", status=SignUp.Status.CONFIRMED, proxy_by=staff)
        for n in range(rows)
    ])
    session_cancel(session=session, reason="雨")
    client.force_login(org_member)
    # auth session + user, the membership (with its organization), open calls with sign-up, session, listing and
    # place, recently done calls; the base template's membership check = 6, whatever the number of rows.
    with django_assert_max_num_queries(6):
        response = client.get(_calls_url(session))
    assert response.status_code == 200
    assert response.content.decode().count('href="tel:0300000000"') == min(rows, 200)


# --- 管理画面 -----------------------------------------------------------------------------------------------

def test_staff_see_open_calls_and_tick_them_off_in_the_admin(client, staff, session):
    _mixed(session, staff, mailed=0, phoned=2)
    session_cancel(session=session, reason="雨")
    client.force_login(staff)
    listing_page = client.get(reverse("admin:community_phonecall_changelist"), {"done": "no"}).content.decode()
    assert "電話 0" in listing_page and 'href="tel:0300001000"' in listing_page

    client.post(
        reverse("admin:community_phonecall_changelist"),
        {"action": "mark_done", "_selected_action": list(PhoneCall.objects.values_list("pk", flat=True))},
    )
    assert not PhoneCall.objects.open().exists()
    assert set(PhoneCall.objects.values_list("done_by", flat=True)) == {staff.pk}
