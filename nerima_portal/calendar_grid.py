"""The month as a grid of weeks (日曜 → 土曜), each day with its sessions' count, a few titles and holidays.

The grid is read from the same filtered sessions as the list (one query for the whole month, only the
columns a cell shows); on phones the page shows the list instead (static/css/search.css).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import jpholiday
from django.utils import timezone

CELL_TITLES = 3


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    holiday: str = ""
    count: int = 0
    titles: list[str] = field(default_factory=list)

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
    """Weeks covering `month`; days of the neighbouring months are shown empty (their sessions are elsewhere)."""
    per_day: dict[dt.date, list] = defaultdict(list)
    for starts_at, title in sessions:
        per_day[timezone.localtime(starts_at).date()].append(title)
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
                date=day, in_month=in_month, is_today=day == today,
                holiday=jpholiday.is_holiday_name(day) or "", count=len(titles), titles=titles[:CELL_TITLES],
            ))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


def grid_rows(sessions):
    """Only what a cell shows: start and a title (the session's own, else its listing's)."""
    return [(s.starts_at, s.title or s.listing.title) for s in sessions.select_related(None).only(
        "starts_at", "title", "listing__title"
    ).select_related("listing")]
