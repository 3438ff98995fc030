"""A real browser: a resident looks at her data, downloads it, and deletes her account; a 代表者 is refused."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from community.models import SignUp, User


@pytest.mark.slow
def test_a_resident_downloads_her_data_and_deletes_her_account(page, live_server, login, assert_accessible, world):
    login(page, "resident@example.jp")
    page.goto(f"{live_server.url}/mypage/")
    assert_accessible(page)

    # 1. マイページ → 自分のデータ: every app's section, her lines only.
    page.get_by_role("link", name="自分のデータ（ダウンロード・アカウントの削除）").click()
    page.get_by_role("heading", level=1, name="自分のデータ").wait_for()
    assert_accessible(page)
    expect(page.get_by_role("heading", name="相談受付（1件）")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("NENE")

    # 2. The download is one JSON file with her data from every app.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="すべてのデータをダウンロード（JSON）").click()
    download = download_info.value
    assert download.suggested_filename.startswith("nerima-portal-my-data-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert set(data["apps"]) == {"community", "volunteers", "hiroba", "projects"}
    assert data["apps"]["volunteers"]["college_applications"][0]["motivation"] == "EMI-motivation"

    # 3. The confirmation says what goes and what stays; a wrong password is refused next to the field.
    page.get_by_role("link", name="アカウントの削除について確認する").click()
    page.get_by_role("heading", level=1, name="アカウントの削除").wait_for()
    assert_accessible(page)
    page.get_by_label("パスワード").fill("wrong-password")
    page.get_by_role("button", name="アカウントとデータを削除する").click()
    page.get_by_text("パスワードが正しくありません。").first.wait_for()
    assert_accessible(page)
    assert User.objects.filter(email="resident@example.jp").exists()

    # 4. The right password erases everything, logs her out and says so.
    page.get_by_label("パスワード").fill("pass-word-123")
    page.get_by_role("button", name="アカウントとデータを削除する").click()
    page.get_by_role("heading", level=1, name="アカウントを削除しました").wait_for()
    assert_accessible(page)
    assert not User.objects.filter(email="resident@example.jp").exists()
    assert SignUp.objects.get(pk=world.emi_data.future_signup.pk).status == SignUp.Status.CANCELLED
    page.goto(f"{live_server.url}/mypage/")
    expect(page).to_have_url(re.compile("/accounts/login/"))


def test_the_last_representative_is_asked_to_hand_over_first(page, live_server, login_as, assert_accessible,
                                                             org_member, organization):
    login_as(page, org_member)
    page.goto(f"{live_server.url}/mypage/data/delete/")

    page.get_by_text("いまはアカウントを削除できません。").wait_for()
    assert organization.name in page.content()
    assert page.get_by_label("パスワード").count() == 0
    assert_accessible(page)
