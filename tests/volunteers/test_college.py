"""College pages: applying once per cohort, the student's classes and attendance, staff attendance, graduation."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from tests.conftest import make_session, make_user
from tests.volunteers.factories_college import make_cohort, make_college_application, make_course
from volunteers.models import ClassAttendance, CollegeApplication
from volunteers.services import college as services_college

Status = CollegeApplication.Status


@pytest.fixture
def open_cohort(organization):
    cohort = make_cohort(intake_open=True)
    make_course(cohort, organization, field="welfare")
    make_course(cohort, organization, field="disaster")
    return cohort


def test_a_resident_applies_for_one_field(open_cohort, resident, client):
    course = open_cohort.courses.get(field="welfare")
    client.force_login(resident)
    response = client.post(
        reverse("volunteers:college_apply", args=[open_cohort.pk]),
        {"course": course.pk, "motivation": "見守りを学びたい", "availability": ["weekend"], "consent": "on"},
    )
    assert response.status_code == 302
    assert CollegeApplication.objects.get().course == course


def test_missing_consent_is_an_error_next_to_the_field_and_keeps_the_motivation(open_cohort, resident, client):
    client.force_login(resident)
    response = client.post(
        reverse("volunteers:college_apply", args=[open_cohort.pk]),
        {"course": open_cohort.courses.first().pk, "motivation": "見守りを学びたい", "availability": ["weekend"]},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "個人情報の取扱いに同意してください" in body and "見守りを学びたい" in body
    assert not CollegeApplication.objects.exists()


def test_one_application_per_person_per_cohort(open_cohort, resident):
    welfare, disaster = open_cohort.courses.order_by("field")[1], open_cohort.courses.order_by("field")[0]
    services_college.college_application_create(
        cohort=open_cohort, course=welfare, user=resident, motivation="a", availability=["weekend"], consent=True
    )
    with pytest.raises(ValidationError):
        services_college.college_application_create(
            cohort=open_cohort, course=disaster, user=resident, motivation="b", availability=["weekend"], consent=True
        )


def test_applying_outside_the_window_is_refused(organization, resident, client):
    closed = make_cohort()
    make_course(closed, organization)
    client.force_login(resident)
    assert client.get(reverse("volunteers:college_apply", args=[closed.pk])).status_code == 403


def test_public_pages_show_the_fields_and_the_curriculum(open_cohort, client, django_assert_max_num_queries):
    course = open_cohort.courses.get(field="welfare")
    make_session(course, title="地域福祉の基礎")
    body = client.get(reverse("volunteers:college")).content.decode()
    for field in ("福祉", "防災", "農", "みどり", "エコスタイル"):
        assert field in body
    # cohort, courses, their sessions (with place) — a fixed number however many classes.
    with django_assert_max_num_queries(4):
        detail = client.get(reverse("volunteers:college_cohort", args=[open_cohort.pk]))
    assertContains(detail, "地域福祉の基礎")


def _held_class(course, days_ago: int):
    start = timezone.now() - dt.timedelta(days=days_ago)
    return course.sessions.create(starts_at=start, ends_at=start + dt.timedelta(hours=2))


def test_staff_record_attendance_and_graduation_follows_the_rate(organization, staff, client):
    course = make_course(make_cohort(), organization, required_attendance_percent=70)
    good = make_college_application(course, status=Status.ENROLLED)
    poor = make_college_application(course, status=Status.ENROLLED)
    classes = [_held_class(course, days) for days in (30, 20, 10)]
    client.force_login(staff)
    for index, session in enumerate(classes):
        present = [good.pk] + ([poor.pk] if index == 0 else [])
        response = client.post(reverse("volunteers:college_attendance", args=[session.pk]), {"present": present})
        assert response.status_code == 302
    assert ClassAttendance.objects.count() == 6
    result = services_college.course_graduate(course=course)
    assert result == {"graduated": 1, "not_completed": 1}
    good.refresh_from_db()
    poor.refresh_from_db()
    assert (good.status, good.attendance_percent) == (Status.GRADUATED, 100)
    assert (poor.status, poor.attendance_percent) == (Status.NOT_COMPLETED, 33)
    assert services_college.finished_fields(good.user) == [course.field]


def test_residents_and_organization_members_cannot_record_attendance(organization, resident, org_member, client):
    course = make_course(make_cohort(), organization)
    session = _held_class(course, 1)
    for user in (resident, org_member):
        client.force_login(user)
        assert client.get(reverse("volunteers:college_attendance", args=[session.pk])).status_code in (302, 403)


def test_a_student_sees_their_classes_and_attendance(organization, client, django_assert_max_num_queries):
    course = make_course(make_cohort(), organization)
    student = make_user("student@example.jp", name="受講 生")
    application = make_college_application(course, student, status=Status.ENROLLED)
    attended, missed = _held_class(course, 14), _held_class(course, 7)
    ClassAttendance.objects.create(session=attended, application=application, present=True)
    ClassAttendance.objects.create(session=missed, application=application, present=False)
    client.force_login(student)
    # session, user, applications with course/cohort, their sessions, attendances, header memberships.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("volunteers:college_my"))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("出席") >= 2 and "欠席" in body


def test_a_student_declines_and_cannot_decline_someone_elses(organization, resident, client):
    course = make_course(make_cohort(), organization)
    mine = make_college_application(course, resident, status=Status.ENROLLED)
    theirs = make_college_application(course, status=Status.ENROLLED)
    client.force_login(resident)
    assert client.post(reverse("volunteers:college_decline", args=[theirs.pk])).status_code == 404
    client.post(reverse("volunteers:college_decline", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == Status.DECLINED


def test_the_staff_numbers_page_sums_openings_applications_and_matches(organization, staff, resident, client):
    from tests.volunteers.factories_college import make_opening
    from volunteers.services import openings as services_openings

    opening = make_opening(organization)
    application = services_openings.opening_apply(opening=opening, user=resident, message="参加したい")
    services_openings.opening_application_decide(application=application, decision="accept", message="")
    client.force_login(staff)
    response = client.get(reverse("admin:volunteers_matchingreport_changelist"))
    assert response.status_code == 200
    assert response.context["totals"] == {"openings": 1, "applications": 1, "matches": 1}
    assert response.context["rows"][0].area == "石神井"
