"""A café finder's answer (the count and the page's ids) comes from the shared cache per search: every write and
every session that starts shows on the next render, in 日本語, with ふりがな and in English, with the whole-page
cache off; a cached answer reads no session at all."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.services.moderation import publishable_unpublish
from tests.cafes.conftest import add_session, bulk_care_cafes, make_care_cafe
from tests.conftest import make_place
from tests.fragments import page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]

WEDNESDAY_PM = {"weekday": "2", "time_of_day": "pm"}


def found(visitor, n: int) -> str:
    return f"Care cafés found ({n})" if visitor.variant == "en" else f"見つかったケアカフェ（{n}か所）"


@pytest.fixture
def cafe(organization, shakujii_place):
    cafe = make_care_cafe(organization, title="あおぞらカフェ", place=shakujii_place)
    add_session(cafe, weekday=2, hour=14)
    add_session(cafe, weekday=2, hour=14, weeks_ahead=1)
    return cafe


def test_a_new_cafe_and_a_withdrawn_one_change_the_answer_at_once(visitor, cafe, organization, shakujii_place):
    url = reverse("cafes:index")
    assert found(visitor, 1) in page(visitor, url, **WEDNESDAY_PM)

    other = make_care_cafe(organization, title="ほしぞらカフェ", title_kana="ほしぞら", place=shakujii_place)
    add_session(other, weekday=2, hour=15)
    after = page(visitor, url, **WEDNESDAY_PM)
    assert found(visitor, 2) in after and "ほしぞらカフェ" in after and "あおぞらカフェ" in after

    publishable_unpublish(obj=cafe)
    withdrawn = page(visitor, url, **WEDNESDAY_PM)
    assert found(visitor, 1) in withdrawn and "あおぞらカフェ" not in withdrawn


def test_a_session_that_starts_leaves_the_answer_once_it_has_started(visitor, cafe, organization, shakujii_place,
                                                                      time_machine):
    once = make_care_cafe(organization, title="いちどきりカフェ", title_kana="いちど", place=shakujii_place)
    only = add_session(once, weekday=2, hour=14)
    url = reverse("cafes:index")
    time_machine.move_to(only.starts_at - dt.timedelta(minutes=5))
    before = page(visitor, url, **WEDNESDAY_PM)
    assert found(visitor, 2) in before and "いちどきりカフェ" in before

    time_machine.move_to(only.starts_at + dt.timedelta(minutes=1))  # no write: only the clock moved

    after = page(visitor, url, **WEDNESDAY_PM)
    assert found(visitor, 1) in after and "いちどきりカフェ" not in after and "あおぞらカフェ" in after


def test_each_page_of_a_search_is_its_own_answer(client, organization):
    bulk_care_cafes(organization, [make_place("石神井A", town="石神井町", number=1)], count=25, sessions_each=1)
    url = reverse("cafes:index")
    first = page(client, url, weekday="2")
    second = page(client, url, weekday="2", page="2")
    beyond = page(client, url, weekday="2", page="99")  # past the last page: the last page, as Django's get_page

    titles = [set(re.findall(r"一括カフェ\d{4}", html)) for html in (first, second, beyond)]
    assert len(titles[0]) == 20 and len(titles[1]) == 5 and titles[2] == titles[1]
    assert not titles[0] & titles[1]
    assert all("見つかったケアカフェ（25か所）" in html for html in (first, second, beyond))


@pytest.mark.parametrize("count,sessions_each", [(10, 2), (1000, 20)])
def test_a_cached_answer_reads_no_session(client, organization, count, sessions_each):
    places = [make_place("石神井A", town="石神井町", number=1), make_place("桜台B", town="桜台", number=2)]
    bulk_care_cafes(organization, places, count=count, sessions_each=sessions_each)
    url = reverse("cafes:index")
    query = {"area": "shakujii", "weekday": "2", "time_of_day": "pm"}
    first = client.get(url, query)

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, query)

    # 1 the area's value (the form's validation); the answer, the cards, the map and the form come cached.
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert not any("community_session" in q["sql"] for q in queries)
    shown = min(count // 2, 20)
    assert f"見つかったケアカフェ（{count // 2}か所）" in second.content.decode()
    assert second.content.decode().count('class="card cafe-card"') == shown
    assert first.content == second.content
