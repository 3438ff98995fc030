"""The month as a grid of weeks (日曜 → 土曜), each day with its sessions' count, a few titles and holidays.

The grid is read from the same filtered sessions as the list in one query that counts each day and picks its first
titles in the database (a month at ward scale holds thousands of sessions; about a hundred rows come back); on
phones the page shows the list instead (static/css/search.css).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import jpholiday
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy

from community.i18n.content import LocalizedText, localized
from community.i18n.languages import ORIGINAL, is_japanese
from community.i18n.text import has_japanese

CELL_TITLES = 3
# jpholiday names the national holidays in Japanese only; the grid shows them in the reader's language.
HOLIDAYS = {
    "元日": pgettext_lazy("holiday", "元日"),
    "成人の日": pgettext_lazy("holiday", "成人の日"),
    "建国記念の日": pgettext_lazy("holiday", "建国記念の日"),
    "天皇誕生日": pgettext_lazy("holiday", "天皇誕生日"),
    "春分の日": pgettext_lazy("holiday", "春分の日"),
    "昭和の日": pgettext_lazy("holiday", "昭和の日"),
    "憲法記念日": pgettext_lazy("holiday", "憲法記念日"),
    "みどりの日": pgettext_lazy("holiday", "みどりの日"),
    "こどもの日": pgettext_lazy("holiday", "こどもの日"),
    "海の日": pgettext_lazy("holiday", "海の日"),
    "山の日": pgettext_lazy("holiday", "山の日"),
    "敬老の日": pgettext_lazy("holiday", "敬老の日"),
    "秋分の日": pgettext_lazy("holiday", "秋分の日"),
    "スポーツの日": pgettext_lazy("holiday", "スポーツの日"),
    "文化の日": pgettext_lazy("holiday", "文化の日"),
    "勤労感謝の日": pgettext_lazy("holiday", "勤労感謝の日"),
    "国民の休日": pgettext_lazy("holiday", "国民の休日"),
}
SUBSTITUTE = " 振替休日"


def holiday_name(day: dt.date) -> str:
    """The holiday's name in the reader's language (「元日」, "New Year's Day"); "" on other days.

    A name jpholiday adds later and the table does not know yet stays Japanese (the template marks it)."""
    name = jpholiday.is_holiday_name(day) or ""
    if name.endswith(SUBSTITUTE):
        base = name.removesuffix(SUBSTITUTE)
        if base in HOLIDAYS:
            return pgettext_lazy("holiday", "%(holiday)s 振替休日") % {"holiday": HOLIDAYS[base]}
    return HOLIDAYS.get(name, name)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    holiday: str = ""
    count: int = 0
    titles: list[LocalizedText] = field(default_factory=list)

    @property
    def is_sunday(self) -> bool:
        return self.date.weekday() == 6

    @property
    def is_saturday(self) -> bool:
        return self.date.weekday() == 5


def _grid_start(first: dt.date) -> dt.date:
    """The Sunday on or before the 1st (Japanese calendars begin the week on Sunday)."""
    return first - dt.timedelta(days=(first.weekday() + 1) % 7)


def month_grid(month, sessions) -> list[list[Day]]:
    """Weeks covering `month`; days of the neighbouring months are shown empty (their sessions are elsewhere).

    `sessions`: (start, title) rows, or (start, title, sessions that day) rows as grid_rows gives them.
    """
    per_day: dict[dt.date, list] = defaultdict(list)
    counts: dict[dt.date, int] = {}
    for starts_at, title, *day_count in sessions:
        date = timezone.localtime(starts_at).date()
        per_day[date].append(title)
        if day_count:
            counts[date] = day_count[0]
    first = month.first_day
    next_first = month.next.first_day
    today = timezone.localdate()
    day = _grid_start(first)
    weeks = []
    while day < next_first:
        week = []
        for _ in range(7):
            in_month = first <= day < next_first
            titles = per_day.get(day, []) if in_month else []
            week.append(Day(
                date=day, in_month=in_month, is_today=day == today, holiday=holiday_name(day),
                count=counts.get(day, len(titles)) if in_month else 0, titles=titles[:CELL_TITLES],
            ))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


def cell_title(session) -> LocalizedText:
    """What a cell calls a session: its own title (never translated), else its listing's in the reader's language."""
    if session.title:
        language = get_language() or ORIGINAL
        return LocalizedText(session.title, ORIGINAL, not is_japanese(language) and has_japanese(session.title))
    return localized(session.listing, "title")


def grid_rows(sessions):
    """Only what a cell shows: per Asia/Tokyo day its first CELL_TITLES sessions (start, title) and the day's count.

    The database numbers and counts each day's sessions (window functions, PostgreSQL and SQLite ≥ 3.25), so a
    month of thousands of sessions comes back as at most CELL_TITLES rows a day; the listings' titles and their
    translations in the reader's language come with them (one more query on a page not in Japanese)."""
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    first = (
        sessions.select_related(None).order_by()
        .annotate(
            day_count=Window(Count("pk"), partition_by=[day]),
            day_rank=Window(RowNumber(), partition_by=[day], order_by=[F("starts_at").asc(), F("pk").asc()]),
        )
        .filter(day_rank__lte=CELL_TITLES)
        .only("starts_at", "title", "listing__title").select_related("listing")
        .order_by("starts_at", "pk")
    )
    return [(s.starts_at, cell_title(s), s.day_count) for s in first]


def shows_japanese_only(weeks) -> bool:
    """Does any title in the grid show the Japanese for want of a translation (then the grid carries the notice)?"""
    return any(getattr(title, "is_fallback", False) for week in weeks for day in week for title in day.titles)
