"""The month grid (日曜 → 土曜) across month ends and holidays, the 申込 filter, day links, iCal feeds per filter,
and a session's .ics and Google Calendar link with place, contact and the resident's own cancel link."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from community.models import Session
from community.services.signups import cancel_token, signup_create
from community.services.translations import translation_save
from nerima_portal.calendar import Month, month_sessions
from nerima_portal.calendar_grid import CELL_TITLES, grid_rows, month_grid
from tests.conftest import make_listing, make_place

TOKYO = ZoneInfo("Asia/Tokyo")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TOKYO)


def session_at(listing, start, **extra) -> Session:
    return Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2), **extra)


# --- the grid itself (pure: dates in, weeks out) ------------------------------------------------------

def test_weeks_start_on_sunday_and_cover_the_month_end_to_end():
    weeks = month_grid(Month(2027, 2), [])  # 1 Feb 2027 is a Monday, 28 Feb a Sunday
    assert weeks[0][0].date == dt.date(2027, 1, 31) and not weeks[0][0].in_month
    assert weeks[0][1].date == dt.date(2027, 2, 1) and weeks[0][1].in_month
    assert weeks[-1][0].date == dt.date(2027, 2, 28)
    assert weeks[-1][-1].date == dt.date(2027, 3, 6) and not weeks[-1][-1].in_month
    assert all(len(week) == 7 for week in weeks) and len(weeks) == 5


def test_december_spills_into_january_and_a_month_starting_on_sunday_has_no_leading_days():
    december = month_grid(Month(2026, 12), [])
    assert december[-1][-1].date == dt.date(2027, 1, 2)
    august = month_grid(Month(2027, 8), [])  # 1 Aug 2027 is a Sunday
    assert august[0][0].date == dt.date(2027, 8, 1)


def test_holidays_are_named_in_the_grid():
    january = {day.date: day for week in month_grid(Month(2027, 1), []) for day in week}
    assert january[dt.date(2027, 1, 1)].holiday == "元日"
    assert january[dt.date(2027, 1, 11)].holiday == "成人の日"
    assert january[dt.date(2027, 1, 12)].holiday == ""


def test_a_session_after_tokyo_midnight_on_the_first_counts_on_the_first():
    first_half_hour = at(dt.date(2027, 1, 1), 0, 30)  # still 31 December in UTC
    days = {day.date: day for week in month_grid(Month(2027, 1), [(first_half_hour, "初日の集い")]) for day in week}
    assert days[dt.date(2027, 1, 1)].count == 1 and days[dt.date(2027, 1, 1)].titles == ["初日の集い"]
    assert days[dt.date(2026, 12, 31)].count == 0


def test_a_cell_shows_three_titles_and_the_full_count():
    day = dt.date(2027, 3, 10)
    rows = [(at(day, 9 + n), f"催し{n}") for n in range(5)]
    cell = next(d for week in month_grid(Month(2027, 3), rows) for d in week if d.date == day)
    assert cell.count == 5 and cell.titles == ["催し0", "催し1", "催し2"]


# --- the page -----------------------------------------------------------------------------------------

@pytest.fixture
def next_month():
    return Month.current().next


def test_the_page_shows_the_grid_with_day_links_and_the_list(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=9)
    session_at(listing, at(day, 14), title="十日の体操")
    response = client.get(reverse("calendar"), {"month": next_month.param})
    body = response.content.decode()
    assert 'class="calendar-grid"' in body
    assert f"day={day:%Y-%m-%d}" in body and "十日の体操" in body
    assert response.context["grid"][0][0].date.weekday() == 6


def test_a_day_link_lists_only_that_days_sessions(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=4)
    wanted = session_at(listing, at(day, 10))
    session_at(listing, at(day + dt.timedelta(days=1), 10))
    response = client.get(reverse("calendar"), {"month": next_month.param, "day": f"{day:%Y-%m-%d}"})
    assert [s.pk for _d, sessions in response.context["days"] for s in sessions] == [wanted.pk]
    assert "この月のすべての催しを見る" in response.content.decode()


def test_the_signup_filter_keeps_sessions_that_need_it_or_not(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=3)
    needs = session_at(listing, at(day, 10), signup_required=True)
    walk_in = session_at(listing, at(day, 14), signup_required=False)
    for value, expected in (("required", [needs.pk]), ("free", [walk_in.pk]), ("", [needs.pk, walk_in.pk])):
        response = client.get(reverse("calendar"), {"month": next_month.param, "signup": value})
        assert [s.pk for _d, sessions in response.context["days"] for s in sessions] == expected
        grid_count = sum(cell.count for week in response.context["grid"] for cell in week)
        assert grid_count == len(expected)


def _cells(response) -> dict:
    return {cell.date: cell for week in response.context["grid"] for cell in week if cell.in_month}


def test_the_database_counts_each_tokyo_day_and_sends_only_its_first_titles(listing, next_month):
    busy = next_month.first_day + dt.timedelta(days=5)
    starts = [at(busy, 0, 30), at(busy, 9), at(busy, 11), at(busy, 13), at(busy, 23, 30)]  # 00:30 is UTC's day before
    for start in reversed(starts):  # created out of order: the cell follows the clock, not the id
        session_at(listing, start, title=f"催し{starts.index(start)}")
    session_at(listing, at(busy + dt.timedelta(days=1), 10), title="翌日の催し")
    rows = grid_rows(month_sessions(next_month))
    assert [(start, title.text, count) for start, title, count in rows] == [
        (starts[0], "催し0", 5), (starts[1], "催し1", 5), (starts[2], "催し2", 5),
        (at(busy + dt.timedelta(days=1), 10), "翌日の催し", 1),
    ]
    cells = {day.date: day for week in month_grid(next_month, rows) for day in week}
    assert cells[busy].count == 5 and [title.text for title in cells[busy].titles] == ["催し0", "催し1", "催し2"]
    assert cells[busy - dt.timedelta(days=1)].count == 0


def test_the_grid_counts_only_what_the_filters_keep(client, listing, next_month):
    day = next_month.first_day + dt.timedelta(days=3)
    for hour in range(9, 14):
        session_at(listing, at(day, hour), signup_required=hour % 2 == 0)
    response = client.get(reverse("calendar"), {"month": next_month.param, "signup": "required"})
    assert _cells(response)[day].count == 2


def test_cell_titles_are_in_the_readers_language_with_the_japanese_marked(client, organization, place, next_month,
                                                                         settings):
    translated = make_listing(organization, title="ふれあい体操", place=place)
    translation_save(obj=translated, language="en", texts={"title": "Friendly exercises"})
    untranslated = make_listing(organization, title="お茶会", place=place)
    day = next_month.first_day + dt.timedelta(days=2)
    session_at(translated, at(day, 10))
    session_at(untranslated, at(day, 11))
    session_at(translated, at(day, 12), title="特別回")  # a session's own title is never translated
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("calendar"), {"month": next_month.param})
    titles = [(title.text, title.is_fallback) for title in _cells(response)[day].titles]
    assert titles == [("Friendly exercises", False), ("お茶会", True), ("特別回", True)]
    body = response.content.decode()
    assert "<li>Friendly exercises</li>" in body and '<li lang="ja">お茶会</li>' in body
    assert response.context["grid_japanese_only"]


def test_in_japanese_cells_show_the_japanese_titles_unmarked(client, organization, place, next_month):
    translated = make_listing(organization, title="ふれあい体操", place=place)
    translation_save(obj=translated, language="en", texts={"title": "Friendly exercises"})
    day = next_month.first_day + dt.timedelta(days=2)
    session_at(translated, at(day, 10))
    response = client.get(reverse("calendar"), {"month": next_month.param})
    assert [(title.text, title.is_fallback) for title in _cells(response)[day].titles] == [("ふれあい体操", False)]
    assert not response.context["grid_japanese_only"]


# Expected queries: 1 areas for the form's choices  2 count for the paginator  3 the page of sessions
# 4 the listings' own kinds (one kind here)  5 the grid's rows: per day its count and first three sessions.
# In English also 6 the translations of the page's listings  7 those of the grid's listings.
@pytest.mark.parametrize("language, budget", [("ja", 5), ("en", 7)])
@pytest.mark.parametrize("count", [10, 1000])
def test_calendar_with_grid_query_budget(client, listing, next_month, count, language, budget, settings,
                                         django_assert_max_num_queries):
    translation_save(obj=listing, language="en", texts={"title": "Test gathering"})
    start = at(next_month.first_day, 9)
    Session.objects.bulk_create([
        Session(listing=listing, starts_at=start + dt.timedelta(minutes=37 * n),
                ends_at=start + dt.timedelta(minutes=37 * n + 60)) for n in range(count)
    ])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("calendar"), {"month": next_month.param})
    assert response.status_code == 200
    cells = _cells(response)
    assert sum(cell.count for cell in cells.values()) == count
    shown = {title.text for cell in cells.values() for title in cell.titles}
    assert shown == {"Test gathering" if language == "en" else listing.title}
    assert all(len(cell.titles) == min(cell.count, CELL_TITLES) for cell in cells.values())


# --- iCal ----------------------------------------------------------------------------------------------

def _events(content: bytes):
    return [component for component in Calendar.from_ical(content).walk("VEVENT")]


def test_the_feed_follows_the_filters_and_names_place_and_contact(client, organization, next_month):
    organization.contact_phone = "03-5555-0101"
    organization.save(update_fields=["contact_phone"])
    here = make_listing(organization, title="石神井の集い", place=make_place("石神井の会館", town="石神井町", number=2))
    there = make_listing(organization, title="練馬の集い", place=make_place("練馬の会館", town="豊玉北", number=5))
    day = next_month.first_day + dt.timedelta(days=2)
    session_at(here, at(day, 10), signup_required=True)
    session_at(there, at(day, 10), signup_required=True)
    response = client.get(reverse("calendar_feed"), {"area": "shakujii", "signup": "required"})
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = _events(response.content)
    assert str(event["summary"]) == "石神井の集い"
    assert "石神井の会館" in str(event["location"])
    assert "03-5555-0101" in str(event["contact"])
    assert event.decoded("dtstart") == at(day, 10)


def test_a_session_ics_carries_the_residents_own_cancel_link(client, listing, resident):
    session = session_at(listing, at(Month.current().next.first_day, 10), signup_required=True)
    signup = signup_create(session=session, user=resident)
    token = cancel_token(signup)
    public = _events(client.get(reverse("community:session_ics", args=[session.pk])).content)[0]
    own = _events(client.get(reverse("community:session_ics", args=[session.pk]), {"signup": token}).content)[0]
    assert "/signups/cancel/" not in str(public["description"])
    assert f"/signups/cancel/{token}/" in str(own["description"])
    assert str(own["uid"]) == f"session-{session.pk}@nerima-fukushi-portal"


def test_a_cancel_token_of_another_session_adds_nothing(client, listing, resident):
    month = Month.current().next
    first = session_at(listing, at(month.first_day, 10), signup_required=True)
    other = session_at(listing, at(month.first_day, 15), signup_required=True)
    token = cancel_token(signup_create(session=other, user=resident))
    event = _events(client.get(reverse("community:session_ics", args=[first.pk]), {"signup": token}).content)[0]
    assert "/signups/cancel/" not in str(event["description"])


def test_the_session_page_offers_google_calendar_with_time_and_place(client, listing):
    start = at(Month.current().next.first_day, 10)
    session = session_at(listing, start)
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    link = next(part for part in body.split('"') if part.startswith("https://calendar.google.com/"))
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["action"] == ["TEMPLATE"] and query["text"] == [listing.title]
    assert query["dates"] == [f"{start.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}/{(start + dt.timedelta(hours=2)).astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"]
    assert listing.place.name in query["location"][0]


def test_the_confirmation_mail_links_the_residents_own_ics(listing, resident, mailoutbox, time_machine,
                                                          django_capture_on_commit_callbacks):
    # The link is signed with a timestamp: a frozen clock makes the test's token the mail's, second for second.
    time_machine.move_to(dt.datetime.now(tz=dt.UTC), tick=False)
    session = session_at(listing, at(Month.current().next.first_day, 10), signup_required=True)
    with django_capture_on_commit_callbacks(execute=True):
        signup = signup_create(session=session, user=resident)
    body = next(m for m in mailoutbox if m.to == [resident.email]).body  # organizers are told too
    assert f"/sessions/{session.pk}/event.ics?signup={cancel_token(signup)}" in body
