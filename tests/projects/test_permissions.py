"""Every マイ団体 URL is 404 for another organization's member; reviewers score, only deciders decide."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.urls import reverse

from projects.models import Application, Report
from projects.services import review
from tests.conftest import make_session
from tests.projects.conftest import make_application

CRITERIA_POINTS = {"need_points": 4, "feasibility_points": 4, "impact_points": 3, "sustainability_points": 3,
                   "budget_points": 4}


@pytest.fixture
def application(call, organization):
    application = make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=100_000)
    application.attachments.create(title="規約", file=ContentFile(b"%PDF-1.4", name="kiyaku.pdf"))
    Report.objects.create(application=application)
    return application


@pytest.fixture
def booking(organization, org_member, other_organization):
    from projects.models import ExpertConsultation
    from projects.services.consultations import consultation_book

    listing = ExpertConsultation.objects.create(
        organization=other_organization, title="経営相談", title_kana="けいえいそうだん", expert_name="専門 家",
        expertise="会計")
    session = make_session(listing, capacity=1)
    return consultation_book(organization=organization, session=session, user=org_member, topic="会計")


def org_urls(application, booking):
    org, pk = application.organization_id, application.pk
    attachment = application.attachments.get()
    return [
        ("get", reverse("projects:application_list", args=[org])),
        ("post", reverse("projects:application_start", args=[org])),
        ("get", reverse("projects:application_detail", args=[org, pk])),
        *[("get", reverse("projects:application_step", args=[org, pk, step]))
          for step in ["basic", "plan", "budget", "attachments", "members", "confirm"]],
        ("post", reverse("projects:application_submit", args=[org, pk])),
        ("post", reverse("projects:attachment_delete", args=[org, pk, attachment.pk])),
        ("get", reverse("projects:report_edit", args=[org, pk])),
        ("post", reverse("projects:report_photo_add", args=[org, pk])),
        ("post", reverse("projects:report_submit", args=[org, pk])),
        ("get", reverse("projects:consultation_list", args=[org])),
        ("post", reverse("projects:consultation_book", args=[org, booking.signup.session_id])),
        ("post", reverse("projects:consultation_cancel", args=[org, booking.pk])),
    ]


def test_a_member_of_another_organization_gets_404_on_every_url(client, application, booking, other_org_member):
    client.force_login(other_org_member)
    for method, url in org_urls(application, booking):
        assert getattr(client, method)(url).status_code == 404, url


def test_the_other_organizations_own_id_does_not_unlock_our_application(
    client, application, other_organization, other_org_member
):
    client.force_login(other_org_member)
    url = reverse("projects:application_detail", args=[other_organization.pk, application.pk])
    assert client.get(url).status_code == 404


def test_a_resident_without_membership_gets_404(client, application, booking, resident):
    client.force_login(resident)
    for method, url in org_urls(application, booking):
        assert getattr(client, method)(url).status_code == 404, url


def test_a_visitor_is_sent_to_log_in(client, application, booking):
    for method, url in org_urls(application, booking):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_member_reaches_every_page_of_their_own_organization(client, application, booking, org_member):
    client.force_login(org_member)
    for method, url in org_urls(application, booking):
        if method == "get":
            assert getattr(client, method)(url).status_code in (200, 302), url


@pytest.fixture
def submitted(call, organization):
    return make_application(call, organization, status=Application.Status.SUBMITTED)


def test_a_reviewer_without_decide_permission_can_score(submitted, reviewer):
    score = review.score_save(application=submitted, reviewer=reviewer, comment="良い", **CRITERIA_POINTS)
    assert score.total == 18


def test_a_reviewer_without_decide_permission_cannot_decide(submitted, reviewer):
    with pytest.raises(PermissionDenied):
        review.application_decide(application=submitted, decided_by=reviewer, decision="adopted", reason="良い",
                                  granted_amount=100_000)
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED


def test_the_coordinator_group_cannot_decide(submitted, coordinator):
    assert not coordinator.has_perm("projects.decide_application")
    with pytest.raises(PermissionDenied):
        review.application_decide(application=submitted, decided_by=coordinator, decision="rejected", reason="x")


def test_ward_staff_decide_and_the_group_gets_a_mail(submitted, staff, mailoutbox, organization, org_member,
                                                   django_capture_on_commit_callbacks):
    organization.contact_email = "group@example.jp"
    organization.save()
    with django_capture_on_commit_callbacks(execute=True):
        review.application_decide(application=submitted, decided_by=staff, decision="adopted",
                                  reason="計画が具体的です。", granted_amount=180_000)
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.ADOPTED and submitted.granted_amount == 180_000
    # Every 代表者, the submitter (here the same person) and the group's address.
    assert sorted(m.to[0] for m in mailoutbox) == ["group@example.jp", org_member.email]
    assert all("採択" in m.subject and "180,000円" in m.body for m in mailoutbox)


def test_a_decision_cannot_grant_more_than_was_requested(submitted, staff):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        review.application_decide(application=submitted, decided_by=staff, decision="adopted", reason="良い",
                                  granted_amount=submitted.requested_amount + 1)
    assert "granted_amount" in error.value.message_dict


def test_in_the_admin_a_reviewer_opens_the_score_page_but_not_the_decide_page(client, submitted, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("admin:projects_application_score", args=[submitted.pk])).status_code == 200
    assert client.get(reverse("admin:projects_application_decide", args=[submitted.pk])).status_code == 403
    response = client.post(reverse("admin:projects_application_decide", args=[submitted.pk]),
                           {"decision": "adopted", "reason": "x", "granted_amount": "1"})
    assert response.status_code == 403


def test_in_the_admin_scores_are_one_per_reviewer_and_the_average_is_shown(client, submitted, reviewer, staff):
    review.score_save(application=submitted, reviewer=reviewer, **CRITERIA_POINTS)
    client.force_login(reviewer)
    client.post(reverse("admin:projects_application_score", args=[submitted.pk]),
                {**{k: 5 for k in CRITERIA_POINTS}, "comment": "見直し"})
    assert submitted.scores.get().total == 25
    review.score_save(application=submitted, reviewer=staff, **{k: 3 for k in CRITERIA_POINTS})
    client.force_login(staff)
    page = client.get(reverse("admin:projects_application_decide", args=[submitted.pk])).content.decode()
    assert "20.0" in page  # (25 + 15) / 2


def test_the_database_refuses_two_sheets_by_one_reviewer(submitted, reviewer):
    from django.db import IntegrityError

    from projects.models import Score

    Score.objects.create(application=submitted, reviewer=reviewer, **CRITERIA_POINTS)
    with pytest.raises(IntegrityError):
        Score.objects.create(application=submitted, reviewer=reviewer, **CRITERIA_POINTS)


def test_a_draft_cannot_be_scored(call, organization, reviewer):
    from django.core.exceptions import ValidationError

    draft = make_application(call, organization)
    with pytest.raises(ValidationError):
        review.score_save(application=draft, reviewer=reviewer, **CRITERIA_POINTS)


def test_consultation_slots_are_not_on_public_pages(client, booking):
    response = client.get(reverse("community:session_detail", args=[booking.signup.session_id]))
    assert response.status_code == 404


