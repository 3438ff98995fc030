"""The shared CSV writer (BOM, no formulas) and iCalendar writer (icalendar library), and the fiscal year."""

import csv
import datetime as dt
import io

from icalendar import Calendar

from community.exports import BOM, csv_response, csv_text, safe_cell
from community.fiscal import FiscalYear
from community.ics import calendar_of
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


def test_the_fiscal_year_runs_from_april_to_march():
    year = FiscalYear(2026)
    assert (year.first_day, year.last_day) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert FiscalYear.of(dt.date(2027, 3, 31)) == year and FiscalYear.of(dt.date(2027, 4, 1)) == FiscalYear(2027)
    assert year.label == "2026年度（令和8年度）" and FiscalYear(2019).era_label == "令和元年度"
    assert year.contains(dt.datetime(2027, 3, 31, 23, 59, tzinfo=year.starts_at.tzinfo))
    assert not year.contains(year.ends_at)
