"""Volunteer hours (reported by the volunteer, confirmed by the organization) and join inquiry outcomes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from community.models import Membership
from tests.conftest import make_user
from tests.volunteers.factories_college import make_opening
from volunteers.models import JoinInquiry, OpeningApplication, VolunteerHours
from volunteers.services import hours as services
from volunteers.services.associations import join_inquiry_create, join_inquiry_set_outcome


@pytest.fixture
def accepted(organization, resident):
    opening = make_opening(organization)
    OpeningApplication.objects.create(opening=opening, user=resident, message="やります",
                                      status=OpeningApplication.Status.ACCEPTED, decided_at=timezone.now())
    return opening


def test_a_volunteer_reports_hours_only_where_they_were_accepted(resident, organization, other_organization, accepted):
    entry = services.hours_report(user=resident, organization=organization, opening=accepted,
                                  activity_on=timezone.localdate(), hours="1.5")
    assert entry.status == VolunteerHours.Status.REPORTED and entry.hours == 1.5
    with pytest.raises(ValidationError, match="受け入れが決まった団体"):
        services.hours_report(user=resident, organization=other_organization, activity_on=timezone.localdate(), hours=1)


@pytest.mark.parametrize("hours", ["0", "-1", "24.5", "1.3", "たくさん"])
def test_hours_must_be_half_hour_steps_within_a_day(resident, organization, accepted, hours):
    with pytest.raises(ValidationError):
        services.hours_report(user=resident, organization=organization, opening=accepted,
                              activity_on=timezone.localdate(), hours=hours)
    assert not VolunteerHours.objects.exists()


def test_a_future_day_or_a_day_over_a_year_ago_is_refused(resident, organization, accepted):
    for day in (timezone.localdate() + dt.timedelta(days=1), timezone.localdate() - dt.timedelta(days=400)):
        with pytest.raises(ValidationError):
            services.hours_report(user=resident, organization=organization, opening=accepted, activity_on=day, hours=1)


def test_the_organization_confirms_and_the_volunteer_cannot_withdraw_confirmed_hours(
    client, resident, org_member, organization, accepted
):
    entry = services.hours_report(user=resident, organization=organization, opening=accepted,
                                  activity_on=timezone.localdate(), hours=2)
    client.force_login(org_member)
    page = client.get(reverse("volunteers:org_hours", args=[organization.pk]))
    assert page.status_code == 200 and resident.full_name in page.content.decode()
    client.post(reverse("volunteers:org_hours_decide", args=[organization.pk, entry.pk]), {"decision": "confirm"})
    entry.refresh_from_db()
    assert entry.status == VolunteerHours.Status.CONFIRMED and entry.decided_by == org_member
    with pytest.raises(ValidationError):
        services.hours_withdraw(entry=entry)


def test_another_organization_cannot_see_or_confirm_the_hours(client, resident, other_org_member, organization, accepted):
    entry = services.hours_report(user=resident, organization=organization, opening=accepted,
                                  activity_on=timezone.localdate(), hours=2)
    client.force_login(other_org_member)
    assert client.get(reverse("volunteers:org_hours", args=[organization.pk])).status_code == 404
    response = client.post(reverse("volunteers:org_hours_decide", args=[organization.pk, entry.pk]), {"decision": "confirm"})
    assert response.status_code == 404
    assert VolunteerHours.objects.get().status == VolunteerHours.Status.REPORTED


def test_the_volunteers_page_reports_and_shows_errors_next_to_the_field(client, resident, organization, accepted):
    client.force_login(resident)
    url = reverse("volunteers:my_hours")
    key = f"{organization.pk}:{accepted.pk}"
    refused = client.post(url, {"activity": key, "activity_on": timezone.localdate().isoformat(), "hours": "30"})
    body = refused.content.decode()
    assert refused.status_code == 400 and "24時間までの時間" in body and 'value="30"' in body
    assert not VolunteerHours.objects.exists()
    ok = client.post(url, {"activity": key, "activity_on": timezone.localdate().isoformat(), "hours": "2.5"})
    assert ok.status_code == 302 and VolunteerHours.objects.get().hours == 2.5


def test_someone_else_cannot_withdraw_my_hours(client, resident, organization, accepted):
    entry = services.hours_report(user=resident, organization=organization, opening=accepted,
                                  activity_on=timezone.localdate(), hours=1)
    client.force_login(make_user("x@example.jp"))
    assert client.post(reverse("volunteers:my_hours_withdraw", args=[entry.pk])).status_code == 404
    assert VolunteerHours.objects.filter(pk=entry.pk).exists()


# --- join inquiry outcomes -------------------------------------------------------------------------------------

def test_an_outcome_marks_the_inquiry_answered_and_can_be_cleared(organization, org_member):
    inquiry = join_inquiry_create(association=organization, name="転入 花子", email="h@example.jp", message="")
    inquiry = join_inquiry_set_outcome(inquiry=inquiry, outcome=JoinInquiry.Outcome.JOINED, by=org_member)
    assert inquiry.outcome == "joined" and inquiry.status == JoinInquiry.Status.ANSWERED and inquiry.outcome_by == org_member
    inquiry = join_inquiry_set_outcome(inquiry=inquiry, outcome="", by=org_member)
    assert inquiry.outcome == "" and inquiry.outcome_at is None and inquiry.status == JoinInquiry.Status.ANSWERED
    with pytest.raises(ValidationError):
        join_inquiry_set_outcome(inquiry=inquiry, outcome="maybe", by=org_member)


def test_members_record_outcomes_and_others_get_404(client, organization, org_member, other_org_member):
    inquiry = join_inquiry_create(association=organization, name="転入 花子", email="h@example.jp", message="")
    url = reverse("volunteers:my_inquiry_outcome", args=[organization.pk, inquiry.pk])
    client.force_login(other_org_member)
    assert client.post(url, {"outcome": "declined"}).status_code == 404
    client.force_login(org_member)
    response = client.post(url, {"outcome": "declined"}, follow=True)
    assert "「見送り」にしました" in response.content.decode()
    assert JoinInquiry.objects.get().outcome == "declined"
    assert Membership.objects.filter(user=org_member).exists()
