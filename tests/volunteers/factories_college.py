"""Factories for College and volunteer-opening tests (cohorts, courses, applications, openings, profiles)."""

import datetime as dt

from django.utils import timezone

from community.models import Area, PublicationStatus
from tests.conftest import make_user
from volunteers.models import Cohort, CollegeApplication, CollegeCourse, Opening, VolunteerProfile

_number = iter(range(1, 10_000))


def make_cohort(*, intake_open: bool = False, **extra) -> Cohort:
    """A cohort whose window is open (intake_open) or closed yesterday."""
    now = timezone.now()
    number = extra.pop("number", next(_number))
    if intake_open:
        opens, closes = now - dt.timedelta(days=5), now + dt.timedelta(days=5)
    else:
        opens, closes = now - dt.timedelta(days=20), now - dt.timedelta(days=1)
    return Cohort.objects.create(
        number=number, name=f"第{number}期", intake_opens_at=opens, intake_closes_at=closes,
        course_starts_on=(now + dt.timedelta(days=30)).date(), course_ends_on=(now + dt.timedelta(days=760)).date(),
        **extra,
    )


def make_course(cohort, organization, *, field: str = "disaster", capacity: int = 3, **extra) -> CollegeCourse:
    return CollegeCourse.objects.create(
        cohort=cohort, organization=organization, field=field, capacity=capacity,
        title=f"{cohort.name} {field}コース", title_kana="かれっじ", status=PublicationStatus.PUBLISHED, **extra,
    )


def make_college_application(course, user=None, *, status=CollegeApplication.Status.APPLIED, **extra):
    user = user or make_user(f"applicant{next(_number)}@example.jp", name="申込 太郎")
    return CollegeApplication.objects.create(
        cohort=course.cohort, course=course, user=user, motivation="地域の役に立ちたい", availability=["weekend"],
        consent=True, status=status, **extra,
    )


def area(slug: str) -> Area:
    return Area.objects.get(slug=slug)


def make_opening(organization, *, field: str = "disaster", area_slug: str = "shakujii", weekdays=(1,), times=("am",),
                 closes_in: int = 30, status=PublicationStatus.PUBLISHED, title: str = "防災倉庫の点検", **extra) -> Opening:
    return Opening.objects.create(
        organization=organization, title=title, title_kana="ぼさい", field=field, area=area(area_slug),
        weekdays=list(weekdays), times=list(times), closes_on=timezone.localdate() + dt.timedelta(days=closes_in),
        status=status, **extra,
    )


def opening_rows(organization, n: int, *, field: str = "disaster", area_slug: str = "shakujii") -> list[int]:
    """n published openings, bulk-created: bulk_create the Listing parents, then insert the child rows at once
    (Django's bulk_create does not handle multi-table inheritance)."""
    import json

    from django.db import connection

    from community.models import Listing

    the_area = area(area_slug)
    closes = timezone.localdate() + dt.timedelta(days=30)
    parents = Listing.objects.bulk_create(
        [Listing(kind="volunteers.opening", organization=organization, title=f"募集{i}", title_kana="ぼしゅう",
                 status=PublicationStatus.PUBLISHED) for i in range(n)]
    )
    table = Opening._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (listing_ptr_id, field, area_id, weekdays, times, schedule_note,"  # noqa: S608
            " people_needed, skills, suitable_for, closes_on)"
            " VALUES (%s, %s, %s, %s::jsonb, '[\"am\"]'::jsonb, '', 1, '[]'::jsonb, '[]'::jsonb, %s)",
            [(p.pk, field, the_area.pk, json.dumps([i % 7]), closes) for i, p in enumerate(parents)],
        )
    return [p.pk for p in parents]


def make_profile(user, *, fields=("disaster",), area_slugs=("shakujii",), weekdays=(1,), times=("am",),
                 visibility=VolunteerProfile.Visibility.PRIVATE, **extra) -> VolunteerProfile:
    profile = VolunteerProfile.objects.create(
        user=user, activity_fields=list(fields), weekdays=list(weekdays), times=list(times), visibility=visibility,
        **extra,
    )
    profile.areas.set([area(slug) for slug in area_slugs])
    return profile
