"""A submitted application is locked: the services refuse every change, the pages show it read-only."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import Application
from projects.services import applications as services
from tests.projects.conftest import make_application


@pytest.fixture
def submitted(call, organization, org_member):
    application = make_application(call, organization)
    return services.application_submit(application=application, user=org_member)


@pytest.mark.parametrize("change", [
    lambda a: services.application_update(application=a, title="書き換え"),
    lambda a: services.application_replace_budget(application=a, lines=[]),
    lambda a: services.application_replace_members(application=a, members=[]),
    lambda a: services.application_add_attachment(
        application=a, title="追加", file=SimpleUploadedFile("a.pdf", b"%PDF-1.4")),
    lambda a: services.application_submit(application=a, user=None),
])
def test_services_refuse_to_change_a_submitted_application(submitted, change):
    with pytest.raises(ValidationError, match="提出済み"):
        change(submitted)
    submitted.refresh_from_db()
    assert submitted.title == "見守りサロン"
    assert submitted.budget_lines.count() == 2


def test_a_stale_copy_cannot_sneak_a_change_in(call, organization, org_member):
    application = make_application(call, organization)
    stale = Application.objects.get(pk=application.pk)
    services.application_submit(application=application, user=org_member)
    with pytest.raises(ValidationError):
        services.application_update(application=stale, title="古い画面から")


def test_posting_a_step_of_a_submitted_application_changes_nothing(client, submitted, organization, org_member):
    client.force_login(org_member)
    url = reverse("projects:application_step", args=[organization.pk, submitted.pk, "basic"])
    response = client.post(url, {"title": "書き換え", "action": "next"})
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:application_detail", args=[organization.pk, submitted.pk])
    submitted.refresh_from_db()
    assert submitted.title == "見守りサロン"


def test_the_detail_page_says_the_application_is_locked(client, submitted, organization, org_member):
    client.force_login(org_member)
    response = client.get(reverse("projects:application_detail", args=[organization.pk, submitted.pk]))
    assert "提出済みのため、内容は変更できません" in response.content.decode()
