"""The shared CSV writer (BOM, no formulas) and iCalendar writer (icalendar library, folded, no injected lines),
and the fiscal year."""

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar

from community.exports import BOM, csv_response, csv_text, safe_cell
from community.fiscal import FiscalYear
from community.ics import calendar_of, one_line
from tests.conftest import make_session


def test_every_formula_prefix_is_written_as_text():
    for dangerous in ["=1+1", "+81", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"http://x\")"]:
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("練馬 太郎") == "練馬 太郎" and safe_cell(None) == ""


def test_numbers_stay_numbers_even_when_negative():
    assert safe_cell(-2) == -2 and safe_cell(3) == 3


def test_the_csv_starts_with_a_bom_and_parses_back_without_a_formula():
    text = csv_text(["氏名", "メモ"], [["練馬 花子", "=cmd|' /C calc'!A0"], ["光 太郎", "ふつうの,メモ"]])
    assert text.startswith(BOM) and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows == [["氏名", "メモ"], ["練馬 花子", "'=cmd|' /C calc'!A0"], ["光 太郎", "ふつうの,メモ"]]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_a_japanese_file_name_is_sent_both_ways():
    response = csv_response("報告書-2026.csv", ["a"], [])
    assert response["Content-Disposition"] == (
        "attachment; filename=\"-2026.csv\"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8-2026.csv"
    )


def test_the_calendar_parses_back_with_one_event_per_session(listing):
    sessions = [make_session(listing, days=3), make_session(listing, days=10, title="特別回")]
    body = calendar_of(sessions, url_for=lambda s: f"https://example.jp/s/{s.pk}", name="ねりま")
    calendar = Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"session-{s.pk}@nerima-fukushi-portal" for s in sessions]
    assert str(events[1]["SUMMARY"]) == "特別回" and str(calendar["X-WR-CALNAME"]) == "ねりま"
    assert events[0].decoded("DTSTART") == sessions[0].starts_at


def _physical_lines(body: bytes) -> list[bytes]:
    return body.split(b"\r\n")


@pytest.mark.parametrize("breaks", ["\r", "\n", "\r\n", "\u2028"])
def test_a_line_break_in_a_title_place_or_name_cannot_start_a_line_of_its_own(listing, breaks):
    title = f"お茶会{breaks}BEGIN:VEVENT{breaks}SUMMARY:偽の催し"
    session = make_session(listing, days=3, title=title)
    session.listing.organization.name = f"練馬{breaks}ORGANIZER:mailto:evil@example.com"
    session.listing.organization.contact_email = "info@example.jp"
    listing.place.name = f"会館{breaks}DTSTART:19700101T000000Z"
    body = calendar_of([session], url_for=lambda s: "https://example.jp/s/1", name=f"ねりま{breaks}X-INJECTED:1")
    lines = _physical_lines(body)
    assert not any(line.startswith((b"SUMMARY:\xe5\x81\xbd", b"X-INJECTED", b"ORGANIZER:mailto:evil", b"DTSTART:1970"))
                   for line in lines)
    assert sum(line == b"BEGIN:VEVENT" for line in lines) == 1
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    calendar = Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "お茶会 BEGIN:VEVENT SUMMARY:偽の催し"
    assert str(calendar["X-WR-CALNAME"]) == "ねりま X-INJECTED:1"
    assert str(event["ORGANIZER"]) == "mailto:info@example.jp"
    assert event["ORGANIZER"].params["CN"] == "練馬 ORGANIZER:mailto:evil@example.com"
    assert str(event["LOCATION"]).startswith("会館 DTSTART:19700101T000000Z")


def test_a_long_japanese_title_is_folded_at_75_octets_and_parses_back_whole(listing):
    title = "練馬区の地域福祉を考える" * 10  # 120 characters (the longest a title may be), 360 octets in UTF-8
    session = make_session(listing, days=3, title=title)
    body = calendar_of([session], url_for=lambda s: "https://example.jp/s/1")
    assert max(len(line) for line in _physical_lines(body)) <= 75
    assert sum(line.startswith(b" ") for line in _physical_lines(body)) >= 4  # continuation lines
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_one_line_keeps_other_spaces_as_typed():
    assert one_line("ケアカフェ　こぶし  2階\r\n") == "ケアカフェ　こぶし  2階"


def test_the_fiscal_year_runs_from_april_to_march():
    year = FiscalYear(2026)
    assert (year.first_day, year.last_day) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert FiscalYear.of(dt.date(2027, 3, 31)) == year and FiscalYear.of(dt.date(2027, 4, 1)) == FiscalYear(2027)
    assert year.label == "2026年度（令和8年度）" and FiscalYear(2019).era_label == "令和元年度"
    assert year.contains(dt.datetime(2027, 3, 31, 23, 59, tzinfo=year.starts_at.tzinfo))
    assert not year.contains(year.ends_at)
