"""Real-browser journeys: a foreign resident switches language, finds a Japanese class for a child and signs up."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import make_place, make_session, make_user
from tests.international.conftest import make_class, make_desk, translate

WORDS = {
    "en": {
        "nav": "For foreign residents",
        "find": "Find a Japanese class (level, day, area)",
        "who": "Who is learning",
        "children": "Children",
        "search": "Search with these conditions",
        "login_to_sign_up": "Log in to sign up",
        "email": "Email",
        "password": "Password",
        "sign_in": "Log in",
        "people": "Number of people attending",
        "sign_up": "Sign up",
        "done": re.compile(r"Your sign-up has been received \(reference E-\d+\)"),
        "class_title": "Kids’ Japanese Class",
    },
    "tl": {
        "nav": "Para sa mga dayuhang residente",
        "find": "Maghanap ng klase ng Hapon (antas, araw, lugar)",
        "who": "Sino ang mag-aaral",
        "children": "Mga bata",
        "search": "Maghanap gamit ang mga kondisyong ito",
        "login_to_sign_up": "Mag-log in para mag-sign up",
        "email": "Email",
        "password": "Password",
        "sign_in": "Mag-log in",
        "people": "Bilang ng dadalo",
        "sign_up": "Mag-sign up",
        "done": re.compile(r"Natanggap na ang iyong sign-up \(reference E-\d+\)"),
        "class_title": "Klase ng Hapon para sa mga Bata",
    },
}


@pytest.fixture
def children_class(organization):
    place = make_place("光が丘区民センター", town="光が丘", number=2)
    kids = make_class(organization, title="こどもにほんご教室", learners="children", level="intro", place=place)
    translate(kids, title_en=WORDS["en"]["class_title"], title_tl=WORDS["tl"]["class_title"])
    make_class(organization, title="大人の日本語教室", learners="adults", place=place)
    make_session(kids, days=6, capacity=10)
    make_desk()
    return kids


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "tl"])
def test_foreign_parent_finds_a_class_for_their_child_and_signs_up(
    page, live_server, assert_accessible, children_class, language
):
    words = WORDS[language]
    make_user("parent@example.jp", name="Maria Santos", preferred_language=language)

    page.goto(f"{live_server.url}/")
    page.select_option("#language-select", language)
    page.get_by_role("button", name="切り替え").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    page.get_by_role("navigation", name=re.compile(".")).get_by_role("link", name=words["nav"]).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["nav"])
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    page.get_by_role("link", name=words["find"]).click()
    page.get_by_label(words["who"]).select_option("children")
    page.get_by_role("button", name=words["search"]).click()
    expect(page.get_by_role("link", name=words["class_title"])).to_be_visible()
    expect(page.get_by_text("大人の日本語教室")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=words["class_title"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["class_title"])
    assert_accessible(page)

    page.locator("a[href*='/sessions/']").first.click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)

    page.get_by_role("link", name=words["login_to_sign_up"]).click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    page.get_by_label(words["email"]).fill("parent@example.jp")
    page.get_by_label(words["password"]).fill("pass-word-123")
    page.get_by_role("button", name=words["sign_in"]).click()

    expect(page).to_have_url(re.compile(r"/sessions/\d+/$"))
    page.get_by_label(words["people"]).fill("2")
    page.get_by_role("button", name=words["sign_up"], exact=True).click()
    expect(page.get_by_text(words["done"])).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
