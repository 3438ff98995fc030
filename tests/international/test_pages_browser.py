"""Every international page passes axe-core in English and with ふりがな on in Japanese."""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_place, make_session
from tests.international.conftest import make_class, make_desk, make_event, translate


@pytest.fixture
def pages(organization):
    place = make_place("光が丘区民センター", town="光が丘", number=2)
    event = make_event(organization, title="ねりまワールドフェスティバル", place=place, languages=["en", "tl"])
    translate(event, title_en="Nerima World Festival")
    make_session(event, days=20, capacity=50)
    japanese_class = make_class(organization, title="にほんご教室", place=place, description="毎週土曜です。")
    make_session(japanese_class, days=3)
    desk = make_desk(name_en="Nerima Foreign Language Consultation")
    return ["/international/", "/international/classes/", japanese_class.get_absolute_url(),
            "/international/exchange/", event.get_absolute_url(), desk.get_absolute_url()]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ja"])
def test_international_pages_are_accessible(page, live_server, assert_accessible, pages, language):
    page.context.add_cookies([
        {"name": "django_language", "value": language, "url": live_server.url},
        {"name": "furigana", "value": "on", "url": live_server.url},
    ])
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        if language == "ja":
            # ふりがな on: readings are there and the menu links still work.
            assert page.locator("ruby rt").count() > 0
        else:
            assert page.locator("ruby").count() == 0
        assert_accessible(page)
    page.get_by_role("link", name="Home" if language == "en" else "ホーム").first.click()
    expect(page).to_have_url(f"{live_server.url}/")
