"""Recurring schedules such as 「毎月第2・第4水曜 14:00–16:00」 or 「毎週火曜」.

The schedule is the rule; sessions are generated from it for the coming months, so every list and
filter works on real dates (see community/services/schedules.py).
"""

import datetime as dt

import jpholiday
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.i18n.text import join_list

WEEKDAY_NAMES = [
    pgettext_lazy("weekday", "月"), pgettext_lazy("weekday", "火"), pgettext_lazy("weekday", "水"),
    pgettext_lazy("weekday", "木"), pgettext_lazy("weekday", "金"), pgettext_lazy("weekday", "土"),
    pgettext_lazy("weekday", "日"),
]
# 第1 … 第5 as each language counts weeks of the month (1st, 2nd … in English): one message each.
WEEK_OF_MONTH = {
    1: pgettext_lazy("week of the month", "第1"), 2: pgettext_lazy("week of the month", "第2"),
    3: pgettext_lazy("week of the month", "第3"), 4: pgettext_lazy("week of the month", "第4"),
    5: pgettext_lazy("week of the month", "第5"),
}


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("月曜")
    TUESDAY = 1, _("火曜")
    WEDNESDAY = 2, _("水曜")
    THURSDAY = 3, _("木曜")
    FRIDAY = 4, _("金曜")
    SATURDAY = 5, _("土曜")
    SUNDAY = 6, _("日曜")


def week_of_month(day: dt.date) -> int:
    """Which occurrence of its weekday this date is in its month: 1 for the first Wednesday, up to 5."""
    return (day.day - 1) // 7 + 1


def parse_weeks(text: str) -> list[int]:
    weeks = sorted({int(part) for part in text.replace("、", ",").split(",") if part.strip()})
    if any(week < 1 or week > 5 for week in weeks):
        raise ValueError(text)
    return weeks


class RecurringSchedule(models.Model):
    listing = models.ForeignKey(
        "community.Listing", verbose_name=_("掲載"), on_delete=models.CASCADE, related_name="schedules"
    )
    weekday = models.PositiveSmallIntegerField(_("曜日"), choices=Weekday.choices)
    weeks_of_month = models.CharField(
        _("第何週"),
        max_length=20,
        blank=True,
        help_text=_("例: 「2,4」で第2・第4。空欄なら毎週です。"),
    )
    start_time = models.TimeField(_("開始時刻"))
    end_time = models.TimeField(_("終了時刻"))
    valid_from = models.DateField(_("適用開始日"))
    valid_until = models.DateField(_("適用終了日"), null=True, blank=True)
    skip_holidays = models.BooleanField(_("祝日は休み"), default=True)
    place = models.ForeignKey(
        "community.Place", verbose_name=_("場所"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    capacity = models.PositiveIntegerField(_("定員（人）"), null=True, blank=True)
    signup_required = models.BooleanField(_("申込が必要"), default=False)
    fee_text = models.CharField(_("参加費"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("定期開催の予定")
        verbose_name_plural = _("定期開催の予定")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")), name="schedule_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return str(self.describe())

    def clean(self):
        try:
            parse_weeks(self.weeks_of_month)
        except ValueError:
            raise ValidationError(
                {"weeks_of_month": _("第何週は1から5の数字をカンマで区切って入力してください（例: 2,4）。")}
            ) from None

    @property
    def weeks(self) -> list[int]:
        return parse_weeks(self.weeks_of_month)

    def describe(self) -> str:
        """Human wording, e.g. 毎月第2・第4水曜 14:00–16:00."""
        day = Weekday(self.weekday).label
        times = f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"
        if not self.weeks:
            return _("毎週%(day)s %(times)s") % {"day": day, "times": times}
        nth = join_list(WEEK_OF_MONTH[week] for week in self.weeks)
        return _("毎月%(nth)s%(day)s %(times)s") % {"nth": nth, "day": day, "times": times}

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Dates in [start, end] that this rule falls on, holidays skipped when asked."""
        first = max(start, self.valid_from)
        last = min(end, self.valid_until) if self.valid_until else end
        weeks = self.weeks
        day = first + dt.timedelta(days=(self.weekday - first.weekday()) % 7)
        dates = []
        while day <= last:
            if (not weeks or week_of_month(day) in weeks) and not (
                self.skip_holidays and jpholiday.is_holiday(day)
            ):
                dates.append(day)
            day += dt.timedelta(days=7)
        return dates
