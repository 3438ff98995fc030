"""Real-browser journeys: find a café without an account, open it, log in and sign up; axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from community.models import SignUp
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe, make_lecture
from tests.conftest import make_place, make_user

WED, THU = 2, 3


@pytest.fixture
def neighbourhood(organization, shakujii_place, nerima_place):
    target = make_care_cafe(organization, title="石神井ふれあいカフェ", title_kana="しゃくじいふれあい",
                            place=shakujii_place, activities=["health", "tea"], fee_text="100円", signup_required=True)
    add_session(target, weekday=WED, hour=14, capacity=10, signup_required=True)
    morning = make_care_cafe(organization, title="朝の体操カフェ", title_kana="あさの", place=shakujii_place)
    add_session(morning, weekday=WED, hour=10)
    thursday = make_care_cafe(organization, title="木曜のお茶会", title_kana="もくよう", place=shakujii_place)
    add_session(thursday, weekday=THU, hour=14)
    elsewhere = make_care_cafe(organization, title="桜台のカフェ", title_kana="さくらだい", place=nerima_place)
    add_session(elsewhere, weekday=WED, hour=14)
    return target


def log_in_here(page, email):
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").first.fill("pass-word-123")
    page.get_by_role("button", name="ログイン").click()


@pytest.mark.slow
def test_visitor_finds_wednesday_afternoon_in_shakujii_and_signs_up(page, live_server, assert_accessible, neighbourhood):
    resident = make_user("hanako@example.jp", name="練馬 花子")

    page.goto(f"{live_server.url}/cafes/")
    assert_accessible(page)
    page.get_by_label("地域", exact=True).select_option("shakujii")
    page.get_by_label("水曜", exact=True).check()
    page.get_by_label("時間帯").select_option("pm")
    page.get_by_role("button", name="この条件でさがす").click()

    expect(page).to_have_url(re.compile(r"area=shakujii.*weekday=2.*time_of_day=pm"))
    cards = page.locator(".cafe-card h3")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_text("石神井ふれあいカフェ")
    assert_accessible(page)

    page.get_by_role("link", name="石神井ふれあいカフェ").click()
    expect(page.locator("h1")).to_have_text("石神井ふれあいカフェ")
    assert_accessible(page)

    page.locator(".sessions-table tbody th a").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="ログインして申し込む").click()
    assert_accessible(page)
    log_in_here(page, "hanako@example.jp")

    page.get_by_role("button", name="申し込む", exact=True).click()
    expect(page.get_by_text("申込を受け付けました")).to_be_visible()
    assert_accessible(page)
    signup = SignUp.objects.get(user=resident)
    assert signup.session.listing_id == neighbourhood.pk and signup.status == SignUp.Status.CONFIRMED


def test_parent_finds_a_lecture_by_topic_and_signs_up(page, live_server, assert_accessible, organization,
                                                      childcare_organization):
    make_user("parent@example.jp", name="保護者 さくら")
    place = make_place("タリーズコーヒー 石神井公園店", town="石神井町", number=2)
    cafe = make_kids_cafe(organization, title="こどもカフェ 石神井公園", place=place, age_min=0, age_max=2)
    other = make_kids_cafe(organization, title="こどもカフェ 年長さん", title_kana="ねんちょう", place=place,
                           age_min=4, age_max=6)
    add_session(other, weekday=WED)
    lecture = make_lecture(childcare_organization, cafe, title="離乳食のはじめかた", topic="weaning")
    add_session(lecture, weekday=THU, hour=10, capacity=5, signup_required=True)

    page.goto(f"{live_server.url}/cafes/kids/")
    assert_accessible(page)
    page.get_by_label("お子さんの年齢").select_option("1")
    page.get_by_label("子育て講座のテーマ").select_option("weaning")
    page.get_by_role("button", name="この条件でさがす").click()
    expect(page.locator(".cafe-card h3")).to_have_text(["こどもカフェ 石神井公園"])
    assert_accessible(page)

    page.get_by_role("link", name="こどもカフェ 石神井公園").click()
    expect(page.get_by_text("離乳食のはじめかた")).to_be_visible()
    assert_accessible(page)
    page.locator("#lectures-title ~ ul .big-date a").first.click()
    page.get_by_role("link", name="ログインして申し込む").click()
    log_in_here(page, "parent@example.jp")
    page.get_by_role("button", name="申し込む", exact=True).click()

    expect(page.get_by_text("申込を受け付けました")).to_be_visible()
    assert SignUp.objects.get(user__email="parent@example.jp").session.listing_id == lecture.pk


def test_print_sheet_is_accessible_and_prints_without_navigation(page, live_server, assert_accessible, neighbourhood):
    from django.utils import timezone

    month = timezone.localtime(neighbourhood.sessions.get().starts_at).strftime("%Y-%m")
    page.goto(f"{live_server.url}/cafes/print/shakujii/?month={month}")
    expect(page.locator("h1")).to_contain_text("石神井地域")
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.locator(".global-nav")).to_be_hidden()
    expect(page.locator(".print-tools")).to_be_hidden()
    font_size = page.locator(".print-table").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font_size >= 19  # 15pt and up: readable on the fridge door


@pytest.mark.slow
def test_operator_registers_a_cafe_and_its_schedule(page, live_server, login, assert_accessible, org_member):
    login(page, org_member.email)
    page.goto(f"{live_server.url}/cafes/my/")
    assert_accessible(page)
    page.get_by_role("link", name="ケアカフェを登録する").click()
    assert_accessible(page)
    page.get_by_label("名称").fill("はじめてのカフェ")
    page.get_by_label("よみがな").fill("はじめてのかふぇ")
    page.get_by_label("カフェの種類").select_option("gathering")
    page.get_by_role("button", name="保存する").click()

    expect(page.locator("h1")).to_have_text("はじめてのカフェの開催の予定")
    assert_accessible(page)
    page.get_by_label("曜日").select_option("2")
    page.get_by_label("第何週").fill("2,4")
    page.get_by_label("開始時刻").fill("14:00")
    page.get_by_label("終了時刻").fill("16:00")
    page.get_by_label("適用開始日").fill("2025-04-01")
    page.get_by_role("button", name="追加する").click()

    expect(page.get_by_text("毎月第2・第4水曜 14:00–16:00").first).to_be_visible()
    assert_accessible(page)
