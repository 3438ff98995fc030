"""The College lottery: capacity respected, reproducible from the recorded seed, waitlist in drawn order."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.conftest import make_user
from tests.volunteers.factories_college import make_cohort, make_college_application, make_course
from volunteers.models import CollegeApplication
from volunteers.services import lottery

Status = CollegeApplication.Status


@pytest.fixture
def course(organization):
    return make_course(make_cohort(), organization, capacity=3)


def _apply(course, n):
    return [make_college_application(course) for _ in range(n)]


def test_an_oversubscribed_course_enrols_exactly_its_capacity_and_waitlists_the_rest(course):
    _apply(course, 8)
    lottery.course_draw(course=course, seed=42)
    assert course.applications.filter(status=Status.ENROLLED).count() == 3
    assert course.applications.filter(status=Status.WAITLISTED).count() == 5


def test_the_same_seed_gives_the_same_order_and_the_seed_is_recorded(course):
    applications = _apply(course, 8)
    drawn = lottery.course_draw(course=course, seed=20261202)
    course.refresh_from_db()
    assert course.lottery_seed == 20261202
    assert course.lottery_drawn_at is not None
    # Anyone can re-run the rule on the pk-ordered list with the recorded seed and get the same order.
    replay = lottery.draw_order_for_seed([a.pk for a in applications], course.lottery_seed)
    assert [a.pk for a in drawn] == replay
    assert list(course.applications.order_by("draw_position").values_list("pk", flat=True)) == replay


def test_different_seeds_give_different_orders():
    ids = list(range(1, 21))
    assert lottery.draw_order_for_seed(ids, 1) != lottery.draw_order_for_seed(ids, 2)


def test_the_order_does_not_depend_on_how_the_ids_were_listed():
    assert lottery.draw_order_for_seed([5, 3, 9, 1], 7) == lottery.draw_order_for_seed([1, 3, 5, 9], 7)


def test_the_waitlist_follows_the_drawn_order(course):
    _apply(course, 6)
    drawn = lottery.course_draw(course=course, seed=3)
    waitlist = list(course.applications.waitlist())
    assert waitlist == drawn[3:]
    assert [a.draw_position for a in waitlist] == [4, 5, 6]


def test_an_undersubscribed_course_accepts_everyone_without_a_seed(course):
    applications = _apply(course, 2)
    lottery.course_draw(course=course)
    course.refresh_from_db()
    assert course.lottery_seed is None
    assert set(course.applications.filter(status=Status.ENROLLED)) == set(applications)


def test_the_draw_waits_for_the_window_to_close(organization):
    course = make_course(make_cohort(intake_open=True), organization)
    _apply(course, 5)
    with pytest.raises(ValidationError):
        lottery.course_draw(course=course, seed=1)
    assert not course.applications.exclude(status=Status.APPLIED).exists()


def test_a_drawn_course_cannot_be_drawn_again(course):
    _apply(course, 5)
    lottery.course_draw(course=course, seed=1)
    with pytest.raises(ValidationError):
        lottery.course_draw(course=course, seed=2)


def test_everyone_is_mailed_once_in_their_language(course, django_capture_on_commit_callbacks):
    english = make_user("en@example.jp", name="Emma", preferred_language="en")
    make_college_application(course, english)
    _apply(course, 4)
    with django_capture_on_commit_callbacks(execute=True):
        lottery.course_draw(course=course, seed=9)
    assert len(mail.outbox) == 5
    assert not course.applications.filter(result_mailed_at__isnull=True).exists()
    mail.outbox.clear()
    assert lottery.course_results_mail(course=course) == 0
    assert mail.outbox == []


def test_result_mails_say_enrolled_or_waitlisted(course, django_capture_on_commit_callbacks):
    _apply(course, 4)
    with django_capture_on_commit_callbacks(execute=True):
        lottery.course_draw(course=course, seed=5)
    subjects = sorted(m.subject for m in mail.outbox)
    assert sum("受講決定" in s for s in subjects) == 3
    assert sum("補欠" in s for s in subjects) == 1


def test_declining_a_seat_promotes_the_first_waitlisted_in_drawn_order(course, django_capture_on_commit_callbacks):
    _apply(course, 6)
    drawn = lottery.course_draw(course=course, seed=11)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = lottery.college_application_decline(application=drawn[0])
    assert promoted.pk == drawn[3].pk
    assert course.applications.filter(status=Status.ENROLLED).count() == 3
    assert [m.to for m in mail.outbox] == [[drawn[3].user.email]]


def test_declining_a_waitlist_place_promotes_nobody(course):
    _apply(course, 5)
    drawn = lottery.course_draw(course=course, seed=11)
    assert lottery.college_application_decline(application=drawn[4]) is None
    assert course.applications.filter(status=Status.ENROLLED).count() == 3


def test_cohort_draw_draws_every_field_with_its_own_seed(organization):
    cohort = make_cohort()
    welfare = make_course(cohort, organization, field="welfare", capacity=1)
    farm = make_course(cohort, organization, field="farm", capacity=5)
    _apply(welfare, 3)
    _apply(farm, 2)
    lottery.cohort_draw(cohort=cohort)
    welfare.refresh_from_db()
    farm.refresh_from_db()
    assert welfare.lottery_seed is not None and farm.lottery_seed is None
    assert welfare.applications.filter(status=Status.ENROLLED).count() == 1
    assert farm.applications.filter(status=Status.ENROLLED).count() == 2


def test_staff_run_the_lottery_from_the_admin_and_the_seed_is_shown(course, staff, client):
    from django.urls import reverse

    _apply(course, 5)
    client.force_login(staff)
    response = client.post(
        reverse("admin:volunteers_collegecourse_changelist"),
        {"action": "draw_courses", "_selected_action": [course.pk]},
        follow=True,
    )
    course.refresh_from_db()
    assert course.lottery_seed is not None
    assert str(course.lottery_seed) in response.content.decode()
    assert course.applications.filter(status=Status.ENROLLED).count() == 3


# --- the published draw can be replayed by anyone ----------------------------------------------------------

REPLAY = """
import hashlib, hmac, json, sys
seed, ids = json.loads(sys.stdin.read())
key = lambda i: (hmac.new(str(seed).encode(), str(i).encode(), hashlib.sha256).hexdigest(), i)
print(json.dumps(sorted(ids, key=key)))
"""


def test_the_order_is_hmac_sha256_of_seed_and_application_number():
    import hashlib
    import hmac

    ids = [11, 12, 13, 14, 15]
    expected = sorted(ids, key=lambda i: hmac.new(b"99", str(i).encode(), hashlib.sha256).hexdigest())
    assert lottery.draw_order_for_seed(ids, 99) == expected


def test_the_published_draw_replays_in_a_separate_python_from_the_page_alone(client, course):
    """Read seed and 申込番号 from the public cohort page; a fresh interpreter with only the documented rule agrees."""
    import json
    import re
    import subprocess
    import sys

    from django.urls import reverse

    _apply(course, 7)
    lottery.course_draw(course=course, seed=31337)

    response = client.get(reverse("volunteers:college_cohort", args=[course.cohort_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "HMAC-SHA256" in page
    seed = int(re.search(r"シード値は (\d+) です", page).group(1))
    published = [int(n) for n in re.findall(r'<tr><th scope="row">\d+</th><td>(\d+)</td>', page)]
    assert seed == 31337 and len(published) == 7

    replay = subprocess.run(  # noqa: S603
        [sys.executable, "-I", "-c", REPLAY], input=json.dumps([seed, sorted(published)]),
        capture_output=True, text=True, check=True, timeout=30,
    )
    assert json.loads(replay.stdout) == published
    assert published[:3] == list(course.applications.filter(status=Status.ENROLLED).order_by("draw_position").values_list("pk", flat=True))


def test_the_result_mail_gives_the_application_number(course, django_capture_on_commit_callbacks):
    applications = _apply(course, 5)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lottery.course_draw(course=course, seed=5)
    assert len(mail.outbox) == 5
    bodies = "\n".join(message.body for message in mail.outbox)
    for application in applications:
        assert f"申込番号: {application.pk}" in bodies
