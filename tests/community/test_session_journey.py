"""A real browser: an organization adds a session, a resident signs up, cancels from the mail, the waitlist moves up."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from community.models import SignUp
from tests.conftest import make_user


@pytest.mark.slow
def test_signup_cancel_and_promotion_through_the_browser(page, live_server, login_as, assert_accessible, org_member, organization, listing):
    # 1. The organization member adds a session with one seat.
    login_as(page, org_member)
    page.goto(f"{live_server.url}/my/organizations/{organization.pk}/listings/{listing.pk}/sessions/")
    assert_accessible(page)
    day = timezone.localdate() + dt.timedelta(days=5)
    page.get_by_label("開催日").fill(day.isoformat())
    page.get_by_label("開始時刻").first.fill("14:00")
    page.get_by_label("終了時刻").first.fill("16:00")
    page.get_by_label("定員（人）").first.fill("1")
    page.get_by_label("申込が必要").first.check()
    page.get_by_role("button", name="開催回を追加").click()
    expect(page.get_by_text("の回を追加しました")).to_be_visible()
    assert_accessible(page)
    session = listing.sessions.get()

    # 2. Resident A signs up and gets the only seat; resident B is waitlisted.
    alice = make_user("alice@example.jp", name="練馬 アリス")
    bob = make_user("bob@example.jp", name="石神井 ボブ")
    for user in (alice, bob):
        login_as(page, user)
        page.goto(f"{live_server.url}/sessions/{session.pk}/")
        assert_accessible(page)
        page.get_by_label("参加する人数").fill("1")
        page.get_by_role("button", name="申し込む").click()
        expect(page.get_by_role("status")).to_contain_text("受け付けました")
        assert_accessible(page)
    assert SignUp.objects.get(user=alice).status == SignUp.Status.CONFIRMED
    assert SignUp.objects.get(user=bob).status == SignUp.Status.WAITLISTED

    # 3. Alice cancels with one click from her confirmation mail, without logging in.
    confirmation = next(m for m in mail.outbox if m.to == ["alice@example.jp"])
    path = re.search(r"/signups/cancel/[^/\s]+/", confirmation.body).group(0)
    page.context.clear_cookies()
    page.goto(live_server.url + path)
    assert_accessible(page)
    page.get_by_role("button", name="キャンセルする").click()
    page.get_by_role("heading", name="キャンセルしました").wait_for()
    assert_accessible(page)

    # 4. Bob moves up, is told by mail, and sees it on マイページ.
    assert SignUp.objects.get(user=bob).status == SignUp.Status.CONFIRMED
    assert any(m.to == ["bob@example.jp"] and "繰り上がりました" in m.subject for m in mail.outbox)
    login_as(page, bob)
    page.goto(f"{live_server.url}/mypage/")
    assert "申込済み" in page.content()
    assert_accessible(page)
