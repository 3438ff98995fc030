"""The stored finder fields stay right: each session's Asia/Tokyo weekday, start time and venue, and each listing's
next session, whether sessions are generated, edited across midnight, cancelled or simply left behind by the clock,
and across a public holiday the schedule skips."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from cafes.models import ChildcareLecture, KidsCafe
from community.finder_fields import listings_refresh_passed
from community.models import Listing, PublicationStatus, RecurringSchedule, Session
from community.services.schedules import schedule_generate_sessions
from community.services.sessions import session_cancel, session_create, session_update
from tests.conftest import make_place

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")
MON, WED, THU = 0, 2, 3


def tokyo(year, month, day, hour, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=TOKYO)


def next_session_at(listing):
    return Listing.objects.values_list("next_session_at", flat=True).get(pk=listing.pk)


@pytest.fixture
def mondays(listing):
    """Every Monday 10:00–12:00 from 2027-01-01, public holidays skipped."""
    return RecurringSchedule.objects.create(
        listing=listing, weekday=MON, start_time=dt.time(10), end_time=dt.time(12), valid_from=dt.date(2027, 1, 1),
        skip_holidays=True,
    )


def test_generated_sessions_store_their_tokyo_weekday_time_and_venue_and_the_listing_its_next_one(
    listing, mondays, time_machine
):
    time_machine.move_to(tokyo(2027, 1, 4, 9))  # Monday morning, before the 10:00 session

    created = schedule_generate_sessions(schedule=mondays, until=dt.date(2027, 1, 31))

    stored = Session.objects.filter(pk__in=[s.pk for s in created]).order_by("starts_at")
    assert [(s.local_weekday, s.local_time) for s in stored] == [(MON, dt.time(10))] * len(created)
    assert {s.venue_place_id for s in stored} == {listing.place_id}
    assert next_session_at(listing) == tokyo(2027, 1, 4, 10)


def test_the_next_session_skips_a_holiday_and_moves_on_once_a_session_has_started(listing, mondays, time_machine):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    schedule_generate_sessions(schedule=mondays, until=dt.date(2027, 1, 31))
    # 2027-01-11 is 成人の日: no session is generated for it.
    assert not Session.objects.filter(starts_at=tokyo(2027, 1, 11, 10)).exists()

    time_machine.move_to(tokyo(2027, 1, 4, 10, 5))  # the 4th's session has started
    assert listings_refresh_passed() == 1

    assert next_session_at(listing) == tokyo(2027, 1, 18, 10)


def test_the_refresh_command_moves_passed_next_sessions_on(listing, mondays, time_machine):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    schedule_generate_sessions(schedule=mondays, until=dt.date(2027, 1, 31))
    time_machine.move_to(tokyo(2027, 1, 18, 11))

    call_command("refresh_next_sessions", verbosity=0)

    assert next_session_at(listing) == tokyo(2027, 1, 25, 10)


def test_cancelling_the_next_session_makes_the_following_one_next_and_the_last_leaves_none(listing, time_machine):
    time_machine.move_to(tokyo(2027, 2, 1, 9))
    first = session_create(listing=listing, fields={"starts_at": tokyo(2027, 2, 3, 14), "ends_at": tokyo(2027, 2, 3, 16)})
    second = session_create(listing=listing, fields={"starts_at": tokyo(2027, 2, 10, 14), "ends_at": tokyo(2027, 2, 10, 16)})
    assert next_session_at(listing) == first.starts_at

    session_cancel(session=first, reason="台風のため")
    assert next_session_at(listing) == second.starts_at

    session_cancel(session=second, reason="会場の都合")
    assert next_session_at(listing) is None


def test_a_session_moved_past_midnight_in_tokyo_changes_weekday_although_utc_stays_on_the_day_before(
    listing, time_machine
):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    session = session_create(
        listing=listing, fields={"starts_at": tokyo(2027, 1, 6, 23, 30), "ends_at": tokyo(2027, 1, 6, 23, 50)}
    )
    assert (session.local_weekday, session.local_time) == (WED, dt.time(23, 30))

    session_update(session=session, fields={"starts_at": tokyo(2027, 1, 7, 0, 30), "ends_at": tokyo(2027, 1, 7, 1, 30)})

    session.refresh_from_db()
    assert session.starts_at.astimezone(dt.UTC).weekday() == WED  # 15:30 on Wednesday in UTC
    assert (session.local_weekday, session.local_time) == (THU, dt.time(0, 30))
    assert Session.objects.on_weekdays([THU]).filter(pk=session.pk).exists()
    assert not Session.objects.on_weekdays([WED]).filter(pk=session.pk).exists()
    assert Session.objects.in_the_morning().filter(pk=session.pk).exists()
    assert next_session_at(listing) == tokyo(2027, 1, 7, 0, 30)


def test_a_session_saved_with_update_fields_keeps_its_stored_copies_in_step(listing, time_machine):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    session = session_create(listing=listing, fields={"starts_at": tokyo(2027, 1, 8, 10), "ends_at": tokyo(2027, 1, 8, 12)})

    session.starts_at, session.ends_at = tokyo(2027, 1, 9, 15), tokyo(2027, 1, 9, 16)
    session.save(update_fields=["starts_at", "ends_at"])

    session.refresh_from_db()
    assert (session.local_weekday, session.local_time) == (5, dt.time(15))


def test_the_venue_is_the_sessions_own_place_or_follows_the_listing_when_it_moves(listing, organization, time_machine):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    hall = make_place("光が丘の集会所", town="光が丘", number=2)
    at_home = session_create(listing=listing, fields={"starts_at": tokyo(2027, 1, 8, 10), "ends_at": tokyo(2027, 1, 8, 12)})
    visit = session_create(
        listing=listing, fields={"starts_at": tokyo(2027, 1, 9, 10), "ends_at": tokyo(2027, 1, 9, 12), "place": hall}
    )
    new_home = make_place("新しい会館", town="石神井町", number=2)

    listing.place = new_home
    listing.save()

    at_home.refresh_from_db()
    visit.refresh_from_db()
    assert at_home.venue_place_id == new_home.pk
    assert visit.venue_place_id == hall.pk


def test_a_kids_cafes_next_session_counts_its_published_lectures(organization, time_machine):
    time_machine.move_to(tokyo(2027, 1, 4, 9))
    place = make_place("こどもカフェの店", town="光が丘", number=2)
    cafe = KidsCafe.objects.create(
        organization=organization, title="こどもカフェ", title_kana="こどもかふぇ", place=place,
        status=PublicationStatus.PUBLISHED,
    )
    lecture = ChildcareLecture.objects.create(
        organization=organization, kids_cafe=cafe, title="離乳食のおはなし", title_kana="りにゅうしょく", topic="weaning",
        place=place, status=PublicationStatus.PUBLISHED,
    )
    session_create(listing=cafe, fields={"starts_at": tokyo(2027, 1, 12, 10), "ends_at": tokyo(2027, 1, 12, 12)})
    talk = session_create(listing=lecture, fields={"starts_at": tokyo(2027, 1, 7, 10), "ends_at": tokyo(2027, 1, 7, 11)})
    assert next_session_at(cafe) == talk.starts_at

    lecture.status = PublicationStatus.ENDED
    lecture.save()

    assert next_session_at(cafe) == tokyo(2027, 1, 12, 10)


def test_inside_refresh_deferred_the_listing_is_refreshed_once_at_the_end_and_not_after_a_failure(listing, time_machine):
    time_machine.move_to(tokyo(2027, 1, 1, 9), tick=False)
    from community.finder_fields import refresh_deferred

    with refresh_deferred():
        for week in range(3):
            starts = tokyo(2027, 2, 3 + 7 * week, 14)
            session_create(listing=listing, fields={"starts_at": starts, "ends_at": starts + dt.timedelta(hours=2)})
        assert next_session_at(listing) is None  # not yet: nothing in the block reads it
    assert next_session_at(listing) == tokyo(2027, 2, 3, 14)

    with pytest.raises(RuntimeError), refresh_deferred():
        Session.objects.filter(listing=listing).update(is_cancelled=True)
        session_create(listing=listing, fields={"starts_at": tokyo(2027, 1, 27, 14), "ends_at": tokyo(2027, 1, 27, 16)})
        raise RuntimeError("the loader failed; its transaction is rolled back")
    assert next_session_at(listing) == tokyo(2027, 2, 3, 14)  # the block's end did not run
