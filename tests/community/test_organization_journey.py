"""A real browser: a member keeps the organization's profile and place, submits a listing, staff approve it in admin."""

import pytest
from playwright.sync_api import expect

from community.models import Listing, PublicationStatus
from tests.conftest import make_listing


@pytest.mark.slow
def test_member_edits_profile_and_place_submits_a_listing_and_staff_approve_it(
    page, live_server, login, login_as, assert_accessible, org_member, organization, staff
):
    from tests.conftest import make_place

    place = make_place("豊玉北地域集会所", organization=organization)
    make_listing(organization, title="月例の清掃", place=place)

    # 1. The member logs in through the form and opens マイ団体.
    login(page, org_member.email)
    page.get_by_role("link", name="マイ団体").first.click()
    page.get_by_role("heading", name="マイ団体").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name=organization.name).click()
    page.get_by_role("heading", name=organization.name).wait_for()
    expect(page.locator("main")).to_contain_text("月例の清掃")
    assert_accessible(page)

    # 2. Edits the organization profile; the change goes live at once.
    page.get_by_role("link", name="団体の情報を編集する").click()
    assert_accessible(page)
    page.get_by_role("textbox", name="団体の紹介", exact=True).fill("毎月第1日曜に町内を清掃しています。")
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("団体の情報を保存しました。").wait_for()
    organization.refresh_from_db()
    assert organization.description == "毎月第1日曜に町内を清掃しています。"

    # 3. Edits a place: the barrier-free facts are a group of checkboxes.
    page.get_by_role("navigation", name="団体の管理メニュー").get_by_role("link", name="場所").click()
    assert_accessible(page)
    page.get_by_role("link", name="豊玉北地域集会所").click()
    assert_accessible(page)
    page.get_by_label("最寄り駅").fill("練馬")
    page.get_by_label("駅から徒歩（分）").fill("7")
    page.get_by_label("エレベーターあり").check()
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("豊玉北地域集会所」を保存しました").wait_for()
    expect(page.locator("main")).to_contain_text("練馬駅から徒歩7分")
    assert_accessible(page)
    place.refresh_from_db()
    assert place.has_elevator and place.walk_minutes == 7

    # The member list with its invitation form (the member is the 代表者).
    page.get_by_role("navigation", name="団体の管理メニュー").get_by_role("link", name="メンバー").click()
    page.get_by_role("heading", name="メンバーを招待する").wait_for()
    assert_accessible(page)

    # 4. A mistake is explained next to the field and the rest is kept; then the listing is submitted.
    page.get_by_role("navigation", name="団体の管理メニュー").get_by_role("link", name="ダッシュボード").click()
    page.get_by_role("link", name="新しい掲載を申請する").click()
    assert_accessible(page)
    page.get_by_label("名称").fill("いきいき体操教室")
    page.get_by_label("よみがな").fill("生き生き")
    page.get_by_label("主な場所").select_option(label="豊玉北地域集会所")
    page.get_by_role("button", name="申請する").click()
    page.get_by_text("ひらがなで入力してください").first.wait_for()
    expect(page.get_by_label("名称")).to_have_value("いきいき体操教室")
    assert_accessible(page)
    page.get_by_label("よみがな").fill("いきいきたいそうきょうしつ")
    page.get_by_role("button", name="申請する").click()
    page.get_by_text("区の職員が確認してから公開されます").first.wait_for()
    assert_accessible(page)
    listing = Listing.objects.get(title="いきいき体操教室")
    assert listing.status == PublicationStatus.PENDING

    # Not public yet.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/organizations/{organization.pk}/")
    assert "いきいき体操教室" not in page.content()

    # 5. Staff approve it in the admin with the moderation action.
    login_as(page, staff)
    page.goto(f"{live_server.url}/admin/community/listing/?status__exact=pending")
    page.get_by_role("row", name="いきいき体操教室").get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label="承認して公開する")
    page.get_by_role("button", name="実行").click()
    page.get_by_text("1件を公開しました。").wait_for()
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.PUBLISHED

    # 6. The listing is public on the organization's page.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/organizations/{organization.pk}/")
    page.get_by_role("link", name="いきいき体操教室").wait_for()
    assert_accessible(page)
