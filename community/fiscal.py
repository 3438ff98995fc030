"""年度: the ward's fiscal year runs from 1 April to 31 March; 令和N年度 = fiscal year 2018 + N."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

TOKYO = ZoneInfo("Asia/Tokyo")
REIWA_OFFSET = 2018
FIRST_YEAR = 2019  # 令和元年度: nothing in the portal is older


@dataclass(frozen=True, order=True)
class FiscalYear:
    year: int

    @classmethod
    def of(cls, day: dt.date) -> "FiscalYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def current(cls) -> "FiscalYear":
        return cls.of(timezone.localdate())

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 4, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year + 1, 3, 31)

    @property
    def starts_at(self) -> dt.datetime:
        """The first instant of the year in Tokyo (filter with starts_at <= t < ends_at)."""
        return dt.datetime(self.year, 4, 1, tzinfo=TOKYO)

    @property
    def ends_at(self) -> dt.datetime:
        return dt.datetime(self.year + 1, 4, 1, tzinfo=TOKYO)

    @property
    def previous(self) -> "FiscalYear":
        return FiscalYear(self.year - 1)

    @property
    def next(self) -> "FiscalYear":
        return FiscalYear(self.year + 1)

    @property
    def era_label(self) -> str:
        number = self.year - REIWA_OFFSET
        return _("令和元年度") if number == 1 else _("令和%(n)s年度") % {"n": number}

    @property
    def label(self) -> str:
        return _("%(year)s年度（%(era)s）") % {"year": self.year, "era": self.era_label}

    def contains(self, moment: dt.datetime | dt.date) -> bool:
        day = timezone.localtime(moment).date() if isinstance(moment, dt.datetime) else moment
        return self.first_day <= day <= self.last_day


def fiscal_years() -> list[FiscalYear]:
    """Every fiscal year the portal can report on, newest first (令和元年度 to the current one)."""
    return [FiscalYear(year) for year in range(FiscalYear.current().year, FIRST_YEAR - 1, -1)]
