"""The month as a grid of weeks (日曜 → 土曜), each day with its sessions' count, a few titles and holidays.

The grid is read from the same filtered sessions as the list in one query that counts each day and picks its first
titles in the database (a month at ward scale holds thousands of sessions; about a hundred rows come back); on
phones the page shows the list instead (static/css/search.css).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import jpholiday
from django.db.models import Count, F, Value, Window
from django.db.models.functions import Coalesce, NullIf, RowNumber, TruncDate
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
                date=day, in_month=in_month, is_today=day == today,
                holiday=jpholiday.is_holiday_name(day) or "", count=counts.get(day, len(titles)) if in_month else 0,
                titles=titles[:CELL_TITLES],
            ))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


def grid_rows(sessions):
    """Only what a cell shows: per Asia/Tokyo day its first CELL_TITLES sessions' start and title (the session's
    own, else its listing's) with the day's count, numbered and counted in the database."""
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    rows = (
        sessions.select_related(None)
        .order_by()
        .annotate(
            day=day,
            day_count=Window(Count("pk"), partition_by=[day]),
            rank=Window(RowNumber(), partition_by=[day], order_by=[F("starts_at").asc(), F("pk").asc()]),
            shown=Coalesce(NullIf("title", Value("")), "listing__title"),
        )
        .filter(rank__lte=CELL_TITLES)
        .order_by("starts_at", "pk")
    )
    return list(rows.values_list("starts_at", "shown", "day_count"))
