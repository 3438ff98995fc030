"""A resident in a real Chromium: searches from the header in half-width katakana, opens the café; then pages the
calendar to next month and opens a session. axe-core on every page."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cafes.models import CareCafe
from community.models import PublicationStatus, Session
from nerima_portal.calendar import Month
from tests.conftest import make_organization, make_place


def _cafe_with_a_session_next_month():
    organization = make_organization("石神井ふれあい会", name_kana="しゃくじいふれあいかい")
    cafe = CareCafe.objects.create(
        organization=organization, place=make_place("石神井公園集会所", town="石神井町", number=3),
        title="街かどケアカフェ ひだまり", title_kana="まちかどけあかふぇひだまり", summary="体操とお茶の会",
        cafe_type=CareCafe.CafeType.GATHERING, status=PublicationStatus.PUBLISHED,
    )
    day = Month.current().next.first_day + dt.timedelta(days=2)
    start = dt.datetime.combine(day, dt.time(14), tzinfo=timezone.get_current_timezone())
    session = Session.objects.create(listing=cafe, title="ひだまり 体操の回", starts_at=start,
                                     ends_at=start + dt.timedelta(hours=2), capacity=10, signup_required=True)
    return cafe, session


@pytest.mark.slow
def test_a_resident_searches_in_half_width_kana_then_finds_next_months_session(page, live_server, assert_accessible):
    cafe, session = _cafe_with_a_session_next_month()

    page.goto(live_server.url + "/")
    assert_accessible(page)
    header_search = page.get_by_role("search", name="サイト内検索")
    header_search.get_by_label("サイト内検索").fill("ｹｱｶﾌｪ")
    header_search.get_by_role("button", name="検索").click()

    expect(page.locator("h1")).to_have_text("サイト内検索")
    expect(page.get_by_role("heading", name="街かどケアカフェ（1件）")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="街かどケアカフェ ひだまり").click()
    expect(page).to_have_url(re.compile(re.escape(cafe.get_absolute_url()) + "$"))
    assert_accessible(page)

    page.goto(live_server.url + "/calendar/")
    expect(page.locator("h1")).to_contain_text("催しのカレンダー")
    assert_accessible(page)
    following = Month.current().next
    page.get_by_role("link", name=re.compile("次の月")).click()
    expect(page.locator("h1")).to_contain_text(f"{following.year}年{following.month}月")
    assert_accessible(page)
    page.get_by_role("link", name="ひだまり 体操の回").click()
    expect(page).to_have_url(re.compile(rf"/sessions/{session.pk}/$"))
    assert_accessible(page)


def test_guidance_one_kind_and_error_states_have_no_axe_violations(page, live_server, assert_accessible):
    _cafe_with_a_session_next_month()
    for path in ["/search/", "/search/?q=ア", "/search/?q=ケア&kind=cafes.carecafe", "/search/?q=ケア&area=atlantis",
                 "/search/?q=みつからない", "/calendar/?month=bad&kind=cafes.carecafe"]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
