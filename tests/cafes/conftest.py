"""Factories for cafés, schedules and sessions at fixed Tokyo times."""

import datetime as dt

import pytest
from django.utils import timezone

from cafes.models import TOKYO, Activity, CareCafe, ChildcareLecture, KidsCafe
from community.models import PublicationStatus, Session
from tests.conftest import make_organization, make_place


def next_weekday(weekday: int, *, weeks_ahead: int = 0) -> dt.date:
    """The next date (from tomorrow) falling on weekday (0 = Monday)."""
    today = timezone.localdate() + dt.timedelta(days=1)
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TOKYO)


def make_care_cafe(organization, *, title="テストカフェ", title_kana="てすとかふぇ", place=None,
                   cafe_type=CareCafe.CafeType.GATHERING, activities=(), status=PublicationStatus.PUBLISHED, **extra):
    cafe = CareCafe.objects.create(
        organization=organization, title=title, title_kana=title_kana, place=place, cafe_type=cafe_type,
        status=status, **extra,
    )
    if activities:
        cafe.activities.set(Activity.objects.filter(code__in=activities))
    return cafe


def make_kids_cafe(organization, *, title="テストこどもカフェ", title_kana="てすとこどもかふぇ", place=None,
                   status=PublicationStatus.PUBLISHED, **extra):
    return KidsCafe.objects.create(
        organization=organization, title=title, title_kana=title_kana, place=place, status=status, **extra
    )


def make_lecture(organization, kids_cafe, *, title="離乳食のおはなし", topic=ChildcareLecture.Topic.WEANING,
                 status=PublicationStatus.PUBLISHED, **extra):
    return ChildcareLecture.objects.create(
        organization=organization, kids_cafe=kids_cafe, title=title, title_kana=extra.pop("title_kana", "りにゅうしょく"),
        topic=topic, place=kids_cafe.place, status=status, **extra,
    )


def add_session(listing, *, weekday: int = 2, hour: int = 14, weeks_ahead: int = 0, place=None, **extra) -> Session:
    start = at(next_weekday(weekday, weeks_ahead=weeks_ahead), hour)
    return Session.objects.create(
        listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2), place=place, **extra
    )


@pytest.fixture
def shakujii_place(db):
    return make_place("石神井公園区民交流センター", town="石神井町", number=2,
                      wheelchair_accessible=True, has_accessible_toilet=True)


@pytest.fixture
def nerima_place(db):
    return make_place("桜台地区区民館", town="桜台", number=3)


@pytest.fixture
def childcare_organization(db):
    return make_organization("テスト保育園", kind="childcare", name_kana="てすとほいくえん")


def bulk_create_children(model, parents, **values):
    """bulk_create for a multi-table child (Django refuses it): parent rows first, then the child rows."""
    from django.db import connection

    fields = model._meta.local_concrete_fields
    rows = []
    for parent in parents:
        obj = model(listing_ptr_id=parent.pk, **values)
        rows.append([field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields])
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def bulk_care_cafes(organization, places, *, count: int, sessions_each: int = 0):
    """`count` published care cafés spread over `places`, each with `sessions_each` weekly sessions."""
    from community.models import Listing

    parents = Listing.objects.bulk_create([
        Listing(kind=CareCafe._meta.label_lower, organization=organization, title=f"一括カフェ{n:04d}",
                title_kana=f"いっかつ{n:04d}", place=places[n % len(places)], status=PublicationStatus.PUBLISHED)
        for n in range(count)
    ])
    bulk_create_children(CareCafe, parents, cafe_type=CareCafe.CafeType.GATHERING, is_free=True)
    start = at(next_weekday(2), 14)
    Session.objects.bulk_create([
        Session(listing_id=parent.pk, starts_at=start + dt.timedelta(days=7 * week, hours=n % 5),
                ends_at=start + dt.timedelta(days=7 * week, hours=n % 5 + 2))
        for n, parent in enumerate(parents) for week in range(sessions_each)
    ])
    activities = list(Activity.objects.all()[:2])
    CareCafe.activities.through.objects.bulk_create([
        CareCafe.activities.through(carecafe_id=parent.pk, activity_id=activity.pk)
        for parent in parents for activity in activities
    ])
    return parents
