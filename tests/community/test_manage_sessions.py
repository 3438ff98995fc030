import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from community.models import Session, SignUp
from community.services.signups import signup_create
from tests.conftest import make_listing, make_place, make_session, make_user


@pytest.fixture
def session(listing):
    return make_session(listing, capacity=2)


@pytest.fixture
def other_listing(other_organization):
    return make_listing(other_organization, title="ほかの団体の集い", place=make_place("ほかの場所"))


def _urls(organization, listing, session):
    org = organization.pk
    return [
        ("get", reverse("community:listing_sessions", args=[org, listing.pk])),
        ("get", reverse("community:session_edit", args=[org, session.pk])),
        ("get", reverse("community:session_cancel", args=[org, session.pk])),
        ("get", reverse("community:session_signups", args=[org, session.pk])),
        ("get", reverse("community:session_signups_csv", args=[org, session.pk])),
    ]


def test_a_member_reaches_every_session_page_of_their_organization(client, org_member, organization, listing, session):
    client.force_login(org_member)
    for _method, url in _urls(organization, listing, session):
        assert client.get(url).status_code == 200, url


def test_a_member_of_another_organization_gets_404_everywhere(client, other_org_member, organization, listing, session):
    client.force_login(other_org_member)
    for _method, url in _urls(organization, listing, session):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"reason": "x"}).status_code == 404, url


def test_a_member_cannot_reach_another_organizations_session_through_their_own_org_id(
    client, org_member, organization, other_listing
):
    """Swapping only the object id while keeping one's own organization id still gives 404."""
    other_session = make_session(other_listing)
    client.force_login(org_member)
    assert client.get(reverse("community:session_signups", args=[organization.pk, other_session.pk])).status_code == 404
    assert client.get(reverse("community:listing_sessions", args=[organization.pk, other_listing.pk])).status_code == 404


def test_a_visitor_is_sent_to_login(client, organization, listing, session):
    for _method, url in _urls(organization, listing, session):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_adding_a_session_creates_it(client, org_member, organization, listing):
    client.force_login(org_member)
    day = timezone.localdate() + dt.timedelta(days=10)
    response = client.post(
        reverse("community:listing_sessions", args=[organization.pk, listing.pk]),
        {
            "add_session": "1", "session-date": day.isoformat(), "session-start_time": "14:00",
            "session-end_time": "16:00", "session-capacity": "12", "session-signup_required": "on",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(listing=listing)
    assert timezone.localtime(session.starts_at).date() == day and session.capacity == 12


def test_a_bad_session_shows_japanese_errors_and_keeps_what_was_typed(client, org_member, organization, listing):
    client.force_login(org_member)
    response = client.post(
        reverse("community:listing_sessions", args=[organization.pk, listing.pk]),
        {"add_session": "1", "session-date": "2020-01-01", "session-start_time": "16:00",
         "session-end_time": "14:00", "session-title": "お茶会"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "過去の日付には開催回を作れません" in body
    assert "終了時刻は開始時刻より後にしてください" in body
    assert 'value="お茶会"' in body
    assert not Session.objects.exists()


def test_adding_a_schedule_generates_its_sessions(client, org_member, organization, listing, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=9))), tick=False)
    client.force_login(org_member)
    response = client.post(
        reverse("community:listing_sessions", args=[organization.pk, listing.pk]),
        {
            "add_schedule": "1", "schedule-weekday": "2", "schedule-weeks": ["2", "4"],
            "schedule-start_time": "14:00", "schedule-end_time": "16:00",
            "schedule-valid_from": timezone.localdate().isoformat(), "schedule-skip_holidays": "on",
        },
    )
    assert response.status_code == 302
    schedule = listing.schedules.get()
    assert schedule.describe() == "毎月第2・第4水曜 14:00–16:00"
    # The next three months' second and fourth Wednesdays.
    starts = Session.objects.filter(schedule=schedule).order_by("starts_at").values_list("starts_at", flat=True)
    assert [timezone.localtime(start).date() for start in starts] == [
        dt.date(2026, 12, 9), dt.date(2026, 12, 23), dt.date(2027, 1, 13), dt.date(2027, 1, 27),
        dt.date(2027, 2, 10), dt.date(2027, 2, 24),
    ]


def test_cancelling_needs_a_reason(client, org_member, organization, session):
    client.force_login(org_member)
    url = reverse("community:session_cancel", args=[organization.pk, session.pk])
    assert "中止の理由を入力してください" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "台風のため"}).status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled


def test_the_signup_list_and_csv_show_only_this_sessions_people(client, org_member, organization, listing, session):
    signup_create(session=session, user=make_user("a@example.jp", name="青木 花"), party_size=2)
    signup_create(session=session, user=make_user("b@example.jp", name="馬場 次郎"))
    signup_create(session=make_session(listing, days=9), user=make_user("c@example.jp", name="別の回 三郎"))
    client.force_login(org_member)
    page = client.get(reverse("community:session_signups", args=[organization.pk, session.pk])).content.decode()
    assert "青木 花" in page and "馬場 次郎" in page and "別の回 三郎" not in page
    csv = client.get(reverse("community:session_signups_csv", args=[organization.pk, session.pk]))
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeff") and "青木 花" in text and "キャンセル待ち" in text and "別の回" not in text


def _bulk_signups(session, count):
    users = make_user.__globals__["User"].objects.bulk_create(
        [make_user.__globals__["User"](email=f"bulk{i}@example.jp", full_name=f"利用者{i}") for i in range(count)]
    )
    SignUp.objects.bulk_create(
        [SignUp(session=session, user=u, name=u.full_name, status=SignUp.Status.CONFIRMED) for u in users]
    )


@pytest.mark.parametrize("count", [10, 1000])
def test_the_signup_list_has_a_fixed_query_budget(
    client, org_member, organization, listing, django_assert_max_num_queries, count
):
    session = make_session(listing, capacity=None)
    _bulk_signups(session, count)
    client.force_login(org_member)
    url = reverse("community:session_signups", args=[organization.pk, session.pk])
    # session + user (auth), the session scoped to memberships, the sign-ups with their users,
    # and the base template's membership check: a constant, whatever the number of sign-ups.
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assertContains(response, "利用者0")


@pytest.mark.parametrize("count", [10, 1000])
def test_the_listing_sessions_page_has_a_fixed_query_budget(
    client, org_member, organization, listing, django_assert_max_num_queries, count
):
    start = timezone.now() + dt.timedelta(days=1)
    sessions = Session.objects.bulk_create(
        [Session(listing=listing, starts_at=start + dt.timedelta(hours=i), ends_at=start + dt.timedelta(hours=i, minutes=30),
                 capacity=5, signup_required=True) for i in range(count)]
    )
    _bulk_signups(sessions[0], 5)
    client.force_login(org_member)
    url = reverse("community:listing_sessions", args=[organization.pk, listing.pk])
    # auth session + user, the listing scoped to memberships, sessions with their counts (one aggregate query),
    # schedules, the two forms' place choices, the base template's membership check.
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assertContains(response, listing.title)
