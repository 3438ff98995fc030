"""The calendar's grid comes from the shared cache per address, content version, language and day, its list entries
from their fragments, and the list's count from the grid (nerima_portal/views/pages.py: calendar_grid): a new,
moved, cancelled or withdrawn session shows on the next render at once, in every language and with ふりがな (the
calendar shows no seats: a sign-up changes nothing on it)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import PublicationStatus, Session
from community.services.sessions import session_cancel
from community.services.signups import signup_create
from community.services.translations import translation_save
from nerima_portal.calendar import Month

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def next_month():
    return Month.current().next


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TOKYO)


def session_at(listing, start, **extra) -> Session:
    return Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2), **extra)


def calendar(client, month, **params):
    return client.get(reverse("calendar"), {"month": month.param, **params})


def count_on(response, day) -> int:
    return next(cell.count for week in response.context["grid"] for cell in week if cell.in_month and cell.date == day)


def test_a_new_session_counts_in_the_grid_and_shows_in_the_list_on_the_next_render(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=6)
    session_at(listing, at(day, 10))
    assert count_on(calendar(client, next_month), day) == 1
    session_at(listing, at(day, 14), title="午後の体操")
    response = calendar(client, next_month)
    assert count_on(response, day) == 2
    assert "午後の体操" in response.content.decode()


def test_a_moved_session_leaves_its_old_day(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=6)
    session = session_at(listing, at(day, 10))
    assert count_on(calendar(client, next_month), day) == 1
    session.starts_at, session.ends_at = at(day + dt.timedelta(days=1), 10), at(day + dt.timedelta(days=1), 12)
    session.save()
    response = calendar(client, next_month)
    assert count_on(response, day) == 0 and count_on(response, day + dt.timedelta(days=1)) == 1


def reads_the_grid(queries) -> bool:
    """Whether the month's grid was read (calendar_grid.grid_rows numbers each day's sessions with ROW_NUMBER)."""
    return any("ROW_NUMBER()" in query["sql"].upper() for query in queries)


def test_a_sign_up_leaves_the_grid_in_the_cache_and_a_new_session_does_not(client, listing, resident, next_month):
    """The grid reads every session of the month: after a sign-up (the most frequent write) the page is rendered
    again for its seats elsewhere, but the grid comes from the cache; a new session is counted at once."""
    day = next_month.first_day + dt.timedelta(days=6)
    session = session_at(listing, at(day, 10), capacity=5, signup_required=True)
    assert count_on(calendar(client, next_month), day) == 1
    signup_create(session=session, user=resident)
    with CaptureQueriesContext(connection) as queries:
        response = calendar(client, next_month)
    assert response.status_code == 200 and count_on(response, day) == 1
    assert not reads_the_grid(queries), "the grid was read again"
    session_at(listing, at(day, 14))
    with CaptureQueriesContext(connection) as queries:
        response = calendar(client, next_month)
    assert count_on(response, day) == 2 and reads_the_grid(queries)


def test_a_cancelled_session_is_marked_at_once(client, listing, next_month):
    session = session_at(listing, at(next_month.first_day + dt.timedelta(days=6), 10))
    assert "中止" not in calendar(client, next_month).content.decode()
    session_cancel(session=session, reason="講師の都合")
    assert "中止" in calendar(client, next_month).content.decode()


def test_a_withdrawn_listing_leaves_the_grid_and_the_list(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=6)
    session_at(listing, at(day, 10))
    assert count_on(calendar(client, next_month), day) == 1
    listing.status = PublicationStatus.ENDED
    listing.save()
    response = calendar(client, next_month)
    assert count_on(response, day) == 0 and listing.title not in response.content.decode()


def test_the_list_is_counted_from_the_grid_and_pages_through_every_session(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=6)
    for hour in range(25):
        session_at(listing, at(day, 0) + dt.timedelta(minutes=50 * hour))
    first = calendar(client, next_month)
    assert first.context["page_obj"].paginator.count == 25
    second = calendar(client, next_month, page=2)
    assert len([entry for _day, entries in second.context["days"] for entry in entries]) == 25 - settings.PAGE_SIZE
    chosen = calendar(client, next_month, day=f"{day:%Y-%m-%d}")
    assert chosen.context["page_obj"].paginator.count == 25


def test_english_cells_after_japanese_ones_were_cached(client, listing, next_month):
    translation_save(obj=listing, language="en", texts={"title": "Morning exercises"})
    session_at(listing, at(next_month.first_day + dt.timedelta(days=6), 10))
    assert "Morning exercises" not in calendar(client, next_month).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "<li>Morning exercises</li>" in calendar(client, next_month).content.decode()


def test_furigana_go_over_the_cached_grid(client, listing, next_month):
    calendar(client, next_month)  # cached without readings
    client.cookies["furigana"] = "on"
    assert "<ruby>催<rt>" in calendar(client, next_month).content.decode()
