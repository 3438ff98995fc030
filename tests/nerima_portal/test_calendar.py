"""催しのカレンダー: a month of public sessions by day, in Tokyo time, filtered by 地域 and kind."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from cafes.models import CareCafe
from community.models import Area, PublicationStatus, Session
from nerima_portal.calendar import Month, month_sessions
from tests.conftest import make_listing, make_organization, make_place

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def session_at(listing, start: dt.datetime, *, hours: int = 2, **extra) -> Session:
    return Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=hours), **extra)


def tokyo(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TOKYO)


def calendar(client, **params):
    response = client.get(reverse("calendar"), params)
    assert response.status_code == 200
    return response


def shown(response) -> list[int]:
    return [session.pk for _day, sessions in response.context["days"] for session in sessions]


def test_a_month_runs_from_tokyo_midnight_to_tokyo_midnight():
    start, end = Month(2026, 12).bounds()
    assert start == dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    assert end == dt.datetime(2027, 1, 1, tzinfo=TOKYO)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 11, 30, 15, tzinfo=dt.UTC)


def test_december_is_followed_by_january_and_january_preceded_by_december():
    assert Month(2026, 12).next == Month(2027, 1)
    assert Month(2027, 1).previous == Month(2026, 12)
    assert Month(2027, 1).param == "2027-01"


def test_a_session_just_after_tokyo_midnight_belongs_to_the_new_month(listing):
    month = Month.current().next
    first = month.first_day
    late = session_at(listing, tokyo(first - dt.timedelta(days=1), 23, 30))  # last evening of the month before
    early = session_at(listing, tokyo(first, 0, 30))  # 15:30 UTC the day before, but the 1st in Tokyo
    assert list(month_sessions(month)) == [early]
    assert late in month_sessions(month.previous)


@pytest.mark.parametrize("now", [
    dt.datetime(2026, 12, 15, 12, tzinfo=TOKYO),
    dt.datetime(2026, 12, 1, 0, 10, tzinfo=TOKYO),  # still 11月30日 in UTC
    dt.datetime(2026, 12, 31, 23, 50, tzinfo=TOKYO),
])
def test_this_month_is_shown_by_default_without_the_sessions_already_over(client, listing, time_machine, now):
    time_machine.move_to(now, tick=False)
    assert Month.current() == Month(2026, 12)
    over = session_at(listing, now - dt.timedelta(hours=3))
    month_start = Month.current().bounds()[0]
    # Still on (a resident may still drop in); on the 1st just after midnight it starts at the month's start.
    running = session_at(listing, max(now - dt.timedelta(minutes=30), month_start))
    response = calendar(client)
    assert response.context["month"] == Month.current()
    assert running.pk in shown(response) and over.pk not in shown(response)


def test_sessions_are_grouped_by_their_tokyo_day_with_big_dates(client, listing):
    month = Month.current().next
    day = month.first_day + dt.timedelta(days=1)
    session_at(listing, tokyo(day, 10))
    session_at(listing, tokyo(day, 14))
    response = calendar(client, month=month.param)
    assert [(d, len(s)) for d, s in response.context["days"]] == [(day, 2)]
    body = response.content.decode()
    weekday = "月火水木金土日"[day.weekday()]
    assert f'class="big-date calendar-day__date">{day.year}年{day.month}月{day.day}日({weekday})</h2>' in body


def test_each_session_links_to_its_page_and_to_its_listing(client, organization, place):
    cafe = CareCafe.objects.create(
        organization=organization, place=place, title="ひだまりカフェ", title_kana="ひだまりかふぇ",
        cafe_type=CareCafe.CafeType.GATHERING, status=PublicationStatus.PUBLISHED,
    )
    month = Month.current().next
    session = session_at(cafe, tokyo(month.first_day, 14))
    body = calendar(client, month=month.param).content.decode()
    assert reverse("community:session_detail", args=[session.pk]) in body
    assert cafe.get_absolute_url() in body
    assert "街かどケアカフェ" in body  # the kind, in words


def test_unpublished_listings_and_unapproved_organizations_stay_off_the_calendar(client, organization, place):
    month = Month.current().next
    draft = make_listing(organization, place=place, title="下書きの会", status=PublicationStatus.DRAFT)
    pending = make_listing(make_organization("審査中の会", status=PublicationStatus.PENDING), place=place, title="審査中")
    for listing in (draft, pending):
        session_at(listing, tokyo(month.first_day, 10))
    assert shown(calendar(client, month=month.param)) == []


def test_a_cancelled_session_stays_marked_cancelled(client, listing):
    month = Month.current().next
    session_at(listing, tokyo(month.first_day, 10), is_cancelled=True, cancel_reason="台風")
    assert "中止" in calendar(client, month=month.param).content.decode()


def test_a_session_cancelled_after_the_page_was_shown_is_marked_at_once(client, listing):
    # The list's entries come from cached fragments: the cancellation retires them with the content version.
    month = Month.current().next
    session = session_at(listing, tokyo(month.first_day, 10))
    assert "中止" not in calendar(client, month=month.param).content.decode()
    session.is_cancelled = True
    session.save(update_fields=["is_cancelled"])
    assert "中止" in calendar(client, month=month.param).content.decode()


def test_the_area_filter_follows_the_sessions_own_place_first(client, organization):
    month = Month.current().next
    nerima = make_place("豊玉の会場", town="豊玉北", number=5)
    oizumi = make_place("大泉の会場", town="東大泉", number=3)
    home = make_listing(organization, place=nerima, title="豊玉の体操")
    at_home = session_at(home, tokyo(month.first_day, 10))
    travelling = session_at(home, tokyo(month.first_day, 14), place=oizumi)  # 出張: held in 大泉 this time
    response = calendar(client, month=month.param, area=Area.objects.get(slug="oizumi").slug)
    assert shown(response) == [travelling.pk]
    assert at_home.pk not in shown(response)


def test_the_kind_filter_keeps_one_kind(client, organization, place, listing):
    month = Month.current().next
    cafe = CareCafe.objects.create(
        organization=organization, place=place, title="ひだまりカフェ", title_kana="ひだまりかふぇ",
        cafe_type=CareCafe.CafeType.GATHERING, status=PublicationStatus.PUBLISHED,
    )
    in_cafe = session_at(cafe, tokyo(month.first_day, 10))
    session_at(listing, tokyo(month.first_day, 11))
    assert shown(calendar(client, month=month.param, kind="cafes.carecafe")) == [in_cafe.pk]


def test_there_is_no_previous_link_from_this_month_but_there_is_from_the_next(client):
    assert calendar(client).context["previous_month"] is None
    following = Month.current().next
    response = calendar(client, month=following.param)
    assert response.context["previous_month"] == Month.current()
    assert 'rel="prev"' in response.content.decode() and 'rel="next"' in response.content.decode()


def test_a_past_month_opens_this_month_with_the_same_filters(client):
    response = client.get(reverse("calendar"), {"month": "2000-01", "area": "oizumi"})
    assert response.status_code == 302
    assert f"month={Month.current().param}" in response.url and "area=oizumi" in response.url


@pytest.mark.parametrize("month", ["2026-13", "26-1", "next"])
def test_a_bad_month_shows_this_month_with_a_notice(client, month):
    response = calendar(client, month=month)
    assert response.context["month"] == Month.current()
    assert "条件の一部が正しくない" in response.content.decode()


def test_a_busy_month_is_paginated(client, settings, listing):
    settings.PAGE_SIZE = 5
    month = Month.current().next
    for i in range(12):
        session_at(listing, tokyo(month.first_day + dt.timedelta(days=i), 10))
    response = calendar(client, month=month.param, page=3)
    assert len(shown(response)) == 2
    assert "全12件（3 / 3ページ）" in response.content.decode()


def test_the_month_downloads_as_an_icalendar_file_with_the_same_filters(client, organization, place, listing):
    month = Month.current().next
    cafe = CareCafe.objects.create(
        organization=organization, place=place, title="ひだまりカフェ", title_kana="ひだまりかふぇ",
        cafe_type=CareCafe.CafeType.GATHERING, status=PublicationStatus.PUBLISHED,
    )
    session = session_at(cafe, tokyo(month.first_day, 10))
    session_at(listing, tokyo(month.first_day, 11))
    response = client.get(reverse("calendar_ics"), {"month": month.param, "kind": "cafes.carecafe"})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert f"UID:session-{session.pk}@" in body and "SUMMARY:ひだまりカフェ" in body
    assert f"DTSTART:{month.first_day:%Y%m%d}T010000Z" in body  # 10:00 in Tokyo
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_calendar_page_links_to_its_icalendar_file(client):
    body = calendar(client, area="oizumi").content.decode()
    assert f'href="{reverse("calendar_ics")}?area=oizumi&amp;month={Month.current().param}"' in body
