"""An organizer records 参加者数 on a phone: from the sessions page to the count, and a QR check-in at the door."""

import datetime as dt

from playwright.sync_api import expect

from community.models import Headcount, SignUp
from community.services.headcounts import checkin_token
from community.services.signups import signup_create
from tests.conftest import make_session, make_user

PHONE = {"width": 390, "height": 844}


def _held_session(listing):
    from django.utils import timezone

    session = make_session(listing, days=1)  # open for sign-up whatever the hour; moved into the past below
    signups = [signup_create(session=session, user=make_user(f"p{n}@example.jp", name=f"参加 {n}郎"), party_size=n + 1)
               for n in range(2)]
    start = timezone.now() - dt.timedelta(minutes=20)
    session.starts_at, session.ends_at = start, start + dt.timedelta(hours=2)
    session.save(update_fields=["starts_at", "ends_at"])
    return session, signups


def test_an_organizer_records_a_headcount_on_a_phone(page, live_server, login_as, assert_accessible, org_member,
                                                     organization, listing):
    session, signups = _held_session(listing)
    page.set_viewport_size(PHONE)
    login_as(page, org_member)
    page.goto(f"{live_server.url}/my/organizations/{organization.pk}/listings/{listing.pk}/sessions/")
    assert_accessible(page)
    page.get_by_role("link", name="の参加者数を記録").first.click()
    expect(page.get_by_role("heading", level=1, name="参加者数の記録")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("申込なしで来た人数").fill("-3")
    page.get_by_label("参加 1郎 さん（2人）").check()
    page.get_by_role("button", name="参加者数を保存").click()
    expect(page.get_by_text("0以上の人数を入力してください。").first).to_be_visible()
    expect(page.get_by_label("参加 1郎 さん（2人）")).to_be_checked()  # what was ticked is kept
    assert_accessible(page)

    page.get_by_label("申込なしで来た人数").fill("5")
    page.get_by_role("button", name="参加者数を保存").click()
    expect(page.get_by_text("参加者数（7人）を記録しました。")).to_be_visible()
    assert_accessible(page)
    # The page fits the phone: nothing to scroll sideways.
    assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 1
    assert Headcount.objects.get(session=session).total == 7


def test_the_organizer_scans_a_qr_code_at_the_door_once(page, live_server, login_as, assert_accessible, org_member,
                                                         listing):
    session, signups = _held_session(listing)
    page.set_viewport_size(PHONE)
    login_as(page, org_member)
    url = f"{live_server.url}/checkin/{checkin_token(signups[0])}/"
    page.goto(url)  # what the phone's camera opens
    expect(page.get_by_text("参加 0郎 さん（1人）")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="受付する").click()
    expect(page.get_by_text("参加 0郎 さん（1人）を受付しました。")).to_be_visible()
    assert_accessible(page)
    page.goto(url)  # a second scan
    expect(page.get_by_text("すでに受付済みです")).to_be_visible()
    assert_accessible(page)
    assert SignUp.objects.filter(checked_in_at__isnull=False).count() == 1
    assert Headcount.objects.get(session=session).total == 1


def test_the_resident_shows_the_qr_code_from_mypage(page, live_server, login_as, assert_accessible, listing):
    session = make_session(listing, days=1)
    resident = make_user("qr@example.jp", name="練馬 キューアール")
    signup_create(session=session, user=resident)
    page.set_viewport_size(PHONE)
    login_as(page, resident)
    page.goto(f"{live_server.url}/mypage/")
    page.get_by_text("受付用のQRコードを表示").click()
    expect(page.locator("svg.checkin-qr")).to_be_visible()
    assert_accessible(page)
