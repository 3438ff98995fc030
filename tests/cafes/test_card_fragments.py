"""The finders' cards and map come from cached fragments: every change a visitor may see shows on the next render,
in every language and with ふりがな, with the whole-page cache off (as for a signed-in visitor or a fresh version)."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from community.services.moderation import publishable_unpublish
from community.services.sessions import session_cancel
from community.services.translations import translation_save
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe, make_lecture
from tests.fragments import page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


@pytest.fixture
def cafe(organization, shakujii_place):
    cafe = make_care_cafe(organization, title="あおぞらカフェ", place=shakujii_place, fee_text="100えん")
    add_session(cafe, weekday=2, hour=10)
    add_session(cafe, weekday=2, hour=14, weeks_ahead=1)
    return cafe


def map_names(html: str) -> set[str]:
    script = re.search(r'<script id="finder-map-points" type="application/json">(.*?)</script>', html)
    return {point["name"] for point in json.loads(script.group(1))["places"]}


def test_an_edited_cafe_shows_on_its_card_and_on_the_map_at_once(visitor, cafe):
    before = page(visitor, reverse("cafes:index"))
    assert "あおぞらカフェ" in before and map_names(before) == {"あおぞらカフェ"}

    cafe.title = "ひまわりカフェ"
    cafe.fee_text = "むりょう"
    cafe.save(update_fields=["title", "fee_text"])

    after = page(visitor, reverse("cafes:index"))
    assert "ひまわりカフェ" in after and "あおぞらカフェ" not in after
    assert "むりょう" in after and "100えん" not in after
    assert map_names(after) == {"ひまわりカフェ"}


def test_a_cancelled_session_moves_the_card_to_the_next_date_at_once(visitor, cafe):
    first, second = cafe.sessions.order_by("starts_at")
    assert "10:00" in page(visitor, reverse("cafes:index"))

    session_cancel(session=first, reason="雨のため")

    after = page(visitor, reverse("cafes:index"))
    assert "14:00" in after and "10:00" not in after


def test_an_unpublished_cafe_leaves_the_list_and_the_map_at_once(visitor, cafe, organization, shakujii_place):
    other = make_care_cafe(organization, title="ほしぞらカフェ", title_kana="ほしぞら", place=shakujii_place)
    add_session(other, weekday=3)
    assert map_names(page(visitor, reverse("cafes:index"))) == {"あおぞらカフェ", "ほしぞらカフェ"}

    publishable_unpublish(obj=cafe)

    after = page(visitor, reverse("cafes:index"))
    assert "あおぞらカフェ" not in after
    assert map_names(after) == {"ほしぞらカフェ"}


def test_a_translation_edit_shows_on_the_english_card_at_once(cafe):
    english = Client()
    english.cookies.load({"django_language": "en"})
    translation_save(obj=cafe, language="en", texts={"title": "Blue Sky Cafe"})
    assert "Blue Sky Cafe" in page(english, reverse("cafes:index"))

    translation_save(obj=cafe, language="en", texts={"title": "Sunflower Cafe"})

    after = page(english, reverse("cafes:index"))
    assert "Sunflower Cafe" in after and "Blue Sky Cafe" not in after
    assert "Sunflower Cafe" not in page(Client(), reverse("cafes:index"))  # the Japanese card keeps its own title


def test_the_filtered_finder_features_the_matching_session_and_follows_a_cancellation(visitor, cafe):
    wednesday_pm = {"weekday": "2", "time_of_day": "pm"}
    assert "14:00" in page(visitor, reverse("cafes:index"), **wednesday_pm)
    _morning, afternoon = cafe.sessions.order_by("starts_at")

    session_cancel(session=afternoon, reason="会場の都合")

    assert "あおぞらカフェ" not in page(visitor, reverse("cafes:index"), **wednesday_pm)


def test_a_new_lecture_session_shows_on_the_kids_card_at_once(visitor, organization, childcare_organization,
                                                              shakujii_place):
    kids = make_kids_cafe(organization, title="ひだまりこどもカフェ", place=shakujii_place)
    add_session(kids, weekday=4, weeks_ahead=1)
    assert "ねんねのおはなし" not in page(visitor, reverse("cafes:kids_index"))

    lecture = make_lecture(childcare_organization, kids, title="ねんねのおはなし")
    add_session(lecture, weekday=1)

    assert "ねんねのおはなし" in page(visitor, reverse("cafes:kids_index"))  # featured: sooner than the café's own


# --- the detail pages' cached bodies -------------------------------------------------------------------------------

@pytest.fixture
def last_seat(cafe):
    from tests.conftest import make_session

    cafe.signup_required = True
    cafe.save(update_fields=["signup_required"])
    return make_session(cafe, days=1, capacity=1, signup_required=True)


def test_a_sign_up_that_takes_the_last_seat_shows_full_on_the_detail_page_at_once(
    visitor, cafe, last_seat, resident, django_capture_on_commit_callbacks
):
    from community.services.signups import signup_cancel, signup_create

    english = visitor.variant == "en"
    one_left, full = ("Required, 1 places left", "Full (waiting list open)") if english else ("必要・残り1人", "満席（キャンセル待ちできます）")
    detail = reverse("cafes:care_detail", args=[cafe.pk])
    assert one_left in page(visitor, detail)

    with django_capture_on_commit_callbacks(execute=True):
        signup = signup_create(session=last_seat, user=resident)

    after = page(visitor, detail)
    assert full in after and one_left not in after

    signup_cancel(signup=signup)

    assert one_left in page(visitor, detail)


def test_an_edit_and_a_cancelled_session_show_on_the_detail_page_at_once(visitor, cafe):
    detail = reverse("cafes:care_detail", args=[cafe.pk])
    first, _second = cafe.sessions.order_by("starts_at")
    session_link = reverse("community:session_detail", args=[first.pk])
    assert session_link in page(visitor, detail)

    cafe.fee_text = "むりょう"
    cafe.save(update_fields=["fee_text"])
    session_cancel(session=first, reason="雨のため")

    after = page(visitor, detail)
    assert "むりょう" in after and "100えん" not in after
    assert session_link not in after


def test_a_new_lecture_shows_on_the_kids_page_at_once(visitor, organization, childcare_organization, shakujii_place):
    kids = make_kids_cafe(organization, title="ひだまりこどもカフェ", place=shakujii_place)
    add_session(kids, weekday=4)
    detail = reverse("cafes:kids_detail", args=[kids.pk])
    assert "ねんねのおはなし" not in page(visitor, detail)

    add_session(make_lecture(childcare_organization, kids, title="ねんねのおはなし"), weekday=1)

    assert "ねんねのおはなし" in page(visitor, detail)
