import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community.models import RecurringSchedule, Session
from community.models.schedules import week_of_month
from community.services.schedules import is_year_end_closure, schedule_generate_sessions


def _schedule(listing, **fields):
    values = {
        "weekday": 2, "weeks_of_month": "", "start_time": dt.time(14), "end_time": dt.time(16),
        "valid_from": dt.date(2026, 1, 1), "skip_holidays": True,
    }
    values.update(fields)
    return RecurringSchedule(listing=listing, **values)


def test_second_and_fourth_wednesdays_are_described_and_found(listing):
    schedule = _schedule(listing, weeks_of_month="2,4")
    assert schedule.describe() == "毎月第2・第4水曜 14:00–16:00"
    assert schedule.occurrences(dt.date(2026, 12, 1), dt.date(2026, 12, 31)) == [dt.date(2026, 12, 9), dt.date(2026, 12, 23)]


def test_every_tuesday_is_described_without_weeks(listing):
    assert _schedule(listing, weekday=1).describe() == "毎週火曜 14:00–16:00"


def test_fifth_week_exists_only_in_some_months(listing):
    schedule = _schedule(listing, weeks_of_month="5")
    # December 2026 has five Wednesdays (2, 9, 16, 23, 30); November 2026 has four.
    assert schedule.occurrences(dt.date(2026, 11, 1), dt.date(2026, 12, 31)) == [dt.date(2026, 12, 30)]
    assert week_of_month(dt.date(2026, 12, 30)) == 5


def test_public_holidays_are_skipped_when_asked(listing):
    monday = _schedule(listing, weekday=0)
    # 2027-01-11 is 成人の日.
    dates = monday.occurrences(dt.date(2027, 1, 4), dt.date(2027, 1, 18))
    assert dt.date(2027, 1, 11) not in dates
    monday.skip_holidays = False
    assert dt.date(2027, 1, 11) in monday.occurrences(dt.date(2027, 1, 4), dt.date(2027, 1, 18))


def test_occurrences_cross_the_year_end(listing):
    schedule = _schedule(listing, weekday=3, weeks_of_month="1")
    assert schedule.occurrences(dt.date(2026, 12, 1), dt.date(2027, 2, 28)) == [
        dt.date(2026, 12, 3), dt.date(2027, 1, 7), dt.date(2027, 2, 4),
    ]


def test_year_end_closure_days():
    assert is_year_end_closure(dt.date(2026, 12, 29))
    assert is_year_end_closure(dt.date(2027, 1, 3))
    assert not is_year_end_closure(dt.date(2027, 1, 4))


def test_bad_week_numbers_are_refused_in_japanese(listing):
    schedule = _schedule(listing, weeks_of_month="2,6")
    with pytest.raises(ValidationError) as error:
        schedule.full_clean()
    assert "1から5" in str(error.value)


# 2026-12-21 (Mon) 09:00 in Tokyo: the next three months run through 年末年始 and 成人の日.
BEFORE_YEAR_END = dt.datetime(2026, 12, 21, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def test_generation_is_idempotent_and_skips_year_end(listing, time_machine):
    time_machine.move_to(BEFORE_YEAR_END, tick=False)
    schedule = _schedule(listing, weekday=2, valid_from=dt.date(2020, 1, 1))
    schedule.save()
    first = schedule_generate_sessions(schedule=schedule)
    again = schedule_generate_sessions(schedule=schedule)
    # Every Wednesday for 92 days, except 12/30 (年末年始).
    wednesdays = [dt.date(2026, 12, 23)] + [dt.date(2027, 1, 6) + dt.timedelta(weeks=n) for n in range(11)]
    assert [timezone.localtime(session.starts_at).date() for session in first] == wednesdays
    assert again == []
    assert Session.objects.filter(schedule=schedule).count() == len(first)
    assert all(timezone.localtime(session.starts_at).hour == 14 for session in first)


@pytest.mark.parametrize(("weekday", "dates"), [
    (0, [dt.date(2026, 12, 21), dt.date(2026, 12, 28), dt.date(2027, 1, 4)]),  # 1/11 is 成人の日
    (1, [dt.date(2026, 12, 22), dt.date(2027, 1, 5)]),  # 12/29, the first closed day
    (6, [dt.date(2026, 12, 27), dt.date(2027, 1, 10)]),  # 1/3, the last closed day
])
def test_generation_stops_on_the_first_and_resumes_after_the_last_closed_day(listing, time_machine, weekday, dates):
    time_machine.move_to(BEFORE_YEAR_END, tick=False)
    schedule = _schedule(listing, weekday=weekday, valid_from=dt.date(2020, 1, 1))
    schedule.save()
    sessions = schedule_generate_sessions(schedule=schedule, until=dt.date(2027, 1, 11))
    assert [timezone.localtime(session.starts_at).date() for session in sessions] == dates
