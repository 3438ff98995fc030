"""Real-browser journeys with axe on every page: the nearest café on a map and a guest sign-up by phone at
「大」; a parent who cancels with confirmation and undoes it; a guest's mail link opened in a fresh browser; two
neighbours signing up from the session page served whole from the page cache, each with their own CSRF token."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.models import SignUp
from community.services.signups import signup_create
from tests.cafes.conftest import add_session, make_care_cafe
from tests.conftest import make_place, make_user


@pytest.fixture(autouse=True)
def _offline_tiles(settings):
    # No network here: the map draws a local tile (the page is the same with 地理院タイル).
    settings.MAP_TILE_URL = "/static/maps/offline-tile.png?{z}/{x}/{y}"


@pytest.fixture
def cafes(organization):
    organization.contact_phone = "03-5555-0101"
    organization.save(update_fields=["contact_phone"])
    nearest = make_care_cafe(organization, title="石神井町ふれあいカフェ", title_kana="しゃくじいまちふれあい",
                             place=make_place("石神井町の会館", town="石神井町", number=3), signup_required=True)
    add_session(nearest, capacity=10, signup_required=True)
    next_town = make_care_cafe(organization, title="石神井台のお茶会", title_kana="しゃくじいだい",
                               place=make_place("石神井台の集会所", town="石神井台", number=2))
    add_session(next_town)
    far = make_care_cafe(organization, title="大泉のカフェ", title_kana="おおいずみ",
                         place=make_place("大泉の会館", town="大泉学園町", number=8))
    add_session(far)
    return nearest


def sign_up_by_phone(page, name: str, phone: str) -> None:
    """The session page's guest form, sent with a name and a phone number."""
    page.get_by_label("お名前").fill(name)
    page.get_by_label("電話番号").fill(phone)
    page.get_by_role("button", name="アカウントなしで申し込む").click()


def test_the_78_year_old_finds_the_nearest_cafe_on_a_map_and_signs_up_by_phone(page, live_server, assert_accessible, cafes):
    page.goto(f"{live_server.url}/cafes/")
    page.get_by_role("button", name="大", exact=True).click()
    expect(page.locator("html")).to_have_class(re.compile("text-large"))

    page.get_by_label("住所か町名から近い順に").fill("石神井町3-5-1")
    page.get_by_role("button", name="この条件でさがす").click()
    expect(page.locator(".cafe-card h3").first).to_have_text("石神井町ふれあいカフェ")
    expect(page.locator(".cafe-card .distance").first).to_contain_text("入力した場所から約")
    assert_accessible(page)

    page.get_by_role("button", name="地図を表示する").click()
    expect(page.locator("#finder-map .leaflet-marker-icon")).to_have_count(3)
    expect(page.locator("#finder-map")).to_contain_text("石神井町3丁目")  # where she said she lives
    expect(page.get_by_role("button", name="地図を閉じる")).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    page.locator("#finder-map .leaflet-marker-icon[title='石神井町ふれあいカフェ']").click()
    page.locator("#finder-map .leaflet-popup").get_by_role("link", name="石神井町ふれあいカフェ").click()
    expect(page.locator("h1")).to_have_text("石神井町ふれあいカフェ")
    assert_accessible(page)

    page.locator(".sessions-table tbody th a").first.click()
    assert_accessible(page)
    page.get_by_label("参加する人数").fill("1")
    sign_up_by_phone(page, "石神井 ウメ", "03-3996-0000")

    expect(page.locator("h1")).to_have_text("申込を受け付けました")
    signup = SignUp.objects.get()
    assert signup.status == SignUp.Status.CONFIRMED and signup.user is None
    expect(page.locator("#guest-reference")).to_have_text(signup.reference)
    expect(page.get_by_role("link", name="03-5555-0101")).to_have_attribute("href", "tel:0355550101")
    assert_accessible(page)


def test_the_list_works_without_javascript(browser, live_server, cafes):
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{live_server.url}/cafes/?near=石神井町3")
    expect(page.locator(".cafe-card h3").first).to_have_text("石神井町ふれあいカフェ")
    expect(page.get_by_role("button", name="地図を表示する")).to_be_hidden()
    context.close()


def test_the_parent_cancels_with_confirmation_and_undoes_it(page, live_server, login_as, assert_accessible, cafes):
    parent = make_user("parent@example.jp", name="光が丘 ユイ")
    signup = signup_create(session=cafes.sessions.get(), user=parent, party_size=2)
    login_as(page, parent)

    page.goto(f"{live_server.url}/mypage/")
    page.get_by_role("link", name=re.compile("^キャンセルする")).click()
    expect(page.locator("h1")).to_have_text("申込のキャンセル")
    expect(page.locator("main")).to_contain_text("よろしいですか")
    assert_accessible(page)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED  # nothing happens before she confirms

    page.get_by_role("button", name="キャンセルする").click()
    expect(page.locator("h1")).to_have_text("キャンセルしました")
    assert_accessible(page)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED

    page.get_by_role("button", name="元に戻す").click()
    expect(page.locator(".messages")).to_contain_text("申込を元に戻しました")
    expect(page.locator("main")).to_contain_text("この回に申込済みです")
    assert_accessible(page)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


def test_a_guest_confirmation_opened_in_a_fresh_browser_finishes_the_signup(page, browser, live_server, assert_accessible, cafes):
    page.goto(f"{live_server.url}/sessions/{cafes.sessions.get().pk}/")
    page.get_by_label("お名前").fill("練馬 ケン")
    page.get_by_label("メールアドレス").fill("ken@example.jp")
    page.get_by_role("button", name="アカウントなしで申し込む").click()
    expect(page.locator("h1")).to_have_text("確認のメールを送りました")
    assert_accessible(page)
    assert SignUp.objects.get().status == SignUp.Status.PENDING

    # The mail is opened on the phone: another browser, no cookies, nothing of the first visit.
    path = re.search(r"/guest-signups/confirm/[^/\s]+/", mail.outbox[0].body).group(0)
    phone = browser.new_context(locale="ja-JP")
    other = phone.new_page()
    other.goto(live_server.url + path)
    expect(other.locator("h1")).to_have_text("申込を完了する")
    assert_accessible(other)
    other.get_by_role("button", name="申込を完了する").click()
    expect(other.locator("h1")).to_have_text("申込が完了しました")
    assert_accessible(other)
    signup = SignUp.objects.get()
    assert signup.status == SignUp.Status.CONFIRMED
    expect(other.locator("#guest-reference")).to_have_text(signup.reference)
    phone.close()


def test_two_neighbours_sign_up_from_the_session_page_served_whole_from_the_cache(
    page, browser, live_server, assert_accessible, organization, settings
):
    # Production keeps anonymous pages whole; the sign-up form's CSRF token is filled in for each browser.
    settings.PAGE_CACHE_SECONDS = 300
    cafe = make_care_cafe(organization, title="谷原のふれあいカフェ", title_kana="やはらのふれあい",
                          place=make_place("谷原の会館", town="谷原", number=1), signup_required=True)
    url = f"{live_server.url}/sessions/{add_session(cafe, capacity=1, signup_required=True).pk}/"
    neighbours_browser = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    neighbour = neighbours_browser.new_page()
    assert neighbour.goto(url).headers["x-page-cache"] == "miss"

    assert page.goto(url).headers["x-page-cache"] == "hit"
    expect(page.locator(".facts")).to_contain_text("残り1人")
    assert_accessible(page)
    sign_up_by_phone(page, "谷原 サチ", "03-3995-0000")
    expect(page.locator("h1")).to_have_text("申込を受け付けました")
    assert_accessible(page)

    # The neighbour sends the page they opened first: their own token still holds, and the seat is gone.
    sign_up_by_phone(neighbour, "谷原 トモ", "03-3995-1111")
    expect(neighbour.locator("h1")).to_have_text("キャンセル待ちで受け付けました")
    assert_accessible(neighbour)
    assert dict(SignUp.objects.values_list("name", "status")) == {
        "谷原 サチ": SignUp.Status.CONFIRMED, "谷原 トモ": SignUp.Status.WAITLISTED,
    }

    # Anyone opening the page now is told it is full.
    latecomer = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo").new_page()
    latecomer.goto(url)
    expect(latecomer.locator(".facts")).to_contain_text("残り0人")
    expect(latecomer.locator("#signup-title + p")).to_have_text("定員に達しています。申し込むとキャンセル待ちになります。")
    assert_accessible(latecomer)
    latecomer.context.close()
    neighbours_browser.close()
