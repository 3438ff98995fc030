"""Browser checks of the session pages no crawl reaches: staff proxy sign-up, and editing or cancelling a session."""

from playwright.sync_api import expect

from community.models import SignUp
from tests.conftest import make_session


def test_staff_sign_up_a_caller_by_phone(page, live_server, login_as, assert_accessible, staff, listing):
    session = make_session(listing, capacity=1)
    login_as(page, staff)
    page.goto(f"{live_server.url}/staff/sessions/{session.pk}/proxy-signup/")
    assert_accessible(page)
    page.get_by_role("button", name="代理で申し込む").click()
    expect(page.get_by_text("氏名を入力してください。").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("氏名").fill("電話 よしこ")
    page.get_by_label("電話番号").fill("03-1234-5678")
    page.get_by_role("button", name="代理で申し込む").click()
    expect(page.get_by_text("電話 よしこ さんの申込を受け付けました")).to_be_visible()
    assert SignUp.objects.get().proxy_by == staff


def test_a_member_edits_then_cancels_a_session(page, live_server, login_as, assert_accessible, org_member, organization, listing):
    session = make_session(listing, capacity=5)
    login_as(page, org_member)
    page.goto(f"{live_server.url}/my/organizations/{organization.pk}/sessions/{session.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("定員（人）").fill("8")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("開催回を更新しました。")).to_be_visible()
    page.goto(f"{live_server.url}/my/organizations/{organization.pk}/sessions/{session.pk}/cancel/")
    assert_accessible(page)
    page.get_by_role("button", name="中止にしてお知らせする").click()
    expect(page.get_by_text("中止の理由を入力してください").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("中止の理由").fill("台風のため")
    page.get_by_role("button", name="中止にしてお知らせする").click()
    expect(page.get_by_text("開催回を中止にし")).to_be_visible()
    session.refresh_from_db()
    assert session.is_cancelled and session.capacity == 8
