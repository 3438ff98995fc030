"""The ボランティア募集 list's answer (the count and the page's ids) comes from the shared cache per search, content
version and day: a new, edited or withdrawn opening shows at once, and one that closed yesterday has left the list
the next morning though nothing was written."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.services.moderation import publishable_unpublish
from tests.fragments import page
from tests.volunteers.factories_college import make_opening, opening_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


def test_a_new_and_a_withdrawn_opening_show_at_once(visitor, organization):
    url = reverse("volunteers:openings")
    first = make_opening(organization, title="防災倉庫の点検")
    assert "防災倉庫の点検" in page(visitor, url)

    make_opening(organization, title="こども食堂の配膳")
    after = page(visitor, url)
    assert "防災倉庫の点検" in after and "こども食堂の配膳" in after

    publishable_unpublish(obj=first)
    withdrawn = page(visitor, url)
    assert "防災倉庫の点検" not in withdrawn and "こども食堂の配膳" in withdrawn


def test_an_opening_closing_today_has_left_the_list_the_next_morning(visitor, organization, time_machine):
    make_opening(organization, title="きょうまでの募集", closes_in=0)
    make_opening(organization, title="らいげつまでの募集", closes_in=30)
    url = reverse("volunteers:openings")
    today = timezone.localdate()
    time_machine.move_to(dt.datetime.combine(today, dt.time(20), tzinfo=timezone.get_current_timezone()))
    assert "きょうまでの募集" in page(visitor, url)

    time_machine.move_to(dt.datetime.combine(today + dt.timedelta(days=1), dt.time(7), tzinfo=timezone.get_current_timezone()))

    after = page(visitor, url)
    assert "きょうまでの募集" not in after and "らいげつまでの募集" in after


@pytest.mark.parametrize("rows", [10, 1000])
def test_a_cached_answer_reads_no_opening(client, organization, rows):
    opening_rows(organization, rows)
    url = reverse("volunteers:openings")
    first = client.get(url, {"field": "disaster"})

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, {"field": "disaster"})

    assert len(queries) == 0, [q["sql"] for q in queries]  # the answer, the entries and the form come cached
    assert second.content == first.content
    assert second.content.decode().count('aria-label="募集の特徴"') == min(rows, 20)
