"""Mails to the group's members: the application and the report are received; a report is returned with the reason."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from community import content_version
from community.models import Membership
from projects.models import Application, Report
from projects.services import applications as application_services
from projects.services import reports as report_services
from tests.conftest import make_user
from tests.projects.conftest import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(organization):
    user = make_user("editor@example.jp", name="編集 ハナ", preferred_language="en")
    Membership.objects.create(organization=organization, user=user, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def adopted(call, organization):
    return make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=100_000)


def write_report(application) -> Report:
    report = Report.objects.create(application=application, results="延べ100人が参加")
    report.budget_lines.create(kind="expense", item="会場費", amount=100_000)
    return report


def test_submitting_an_application_mails_every_member_once(
    client, org_member, editor, other_org_member, call, organization, django_capture_on_commit_callbacks, mailoutbox
):
    application = make_application(call, organization, title="多世代サロン")
    client.force_login(org_member)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("projects:application_submit", args=[organization.pk, application.pk]))

    assert response.status_code == 302
    deliveries = [c for c in callbacks if not content_version.is_bump(c)]  # the rest move the versions
    assert len(deliveries) == 3  # one outbox delivery per member and one to 当番の区職員, run after the commit
    group = [m for m in mailoutbox if m.to != [settings.WARD_DUTY_EMAIL]]
    assert sorted(m.to[0] for m in group) == ["editor@example.jp", "member@example.jp"]
    mail = next(m for m in mailoutbox if m.to == ["member@example.jp"])
    assert "申請を受け付けました" in mail.subject
    assert "多世代サロン" in mail.body and "200,000円" in mail.body and "団体 チャーリー" in mail.body
    assert reverse("projects:application_detail", args=[organization.pk, application.pk]) in mail.body


def test_an_incomplete_application_is_not_submitted_and_mails_nobody(
    client, org_member, call, organization, django_capture_on_commit_callbacks, mailoutbox
):
    application = make_application(call, organization, members=False)
    client.force_login(org_member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("projects:application_submit", args=[organization.pk, application.pk]))

    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert mailoutbox == []


def test_submitting_twice_mails_once(org_member, call, organization, django_capture_on_commit_callbacks, mailoutbox):
    application = make_application(call, organization)

    with django_capture_on_commit_callbacks(execute=True):
        application_services.application_submit(application=application, user=org_member)
        with pytest.raises(ValidationError, match="提出"):
            application_services.application_submit(application=application, user=org_member)

    assert sorted(m.to[0] for m in mailoutbox) == [org_member.email, settings.WARD_DUTY_EMAIL]


def test_submitting_a_report_mails_the_members(
    client, org_member, editor, organization, adopted, django_capture_on_commit_callbacks, mailoutbox
):
    write_report(adopted)
    client.force_login(org_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:report_submit", args=[organization.pk, adopted.pk]))

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["editor@example.jp", "member@example.jp"]
    japanese = next(m for m in mailoutbox if m.to == ["member@example.jp"])
    english = next(m for m in mailoutbox if m.to == ["editor@example.jp"])
    assert "活動報告を受け付けました" in japanese.subject
    assert "Activity report received" in english.subject
    assert reverse("projects:report_edit", args=[organization.pk, adopted.pk]) in japanese.body


def test_staff_return_a_report_and_the_members_get_the_reason(
    client, staff, org_member, adopted, django_capture_on_commit_callbacks, mailoutbox
):
    report = report_services.report_submit(report=write_report(adopted))
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:projects_report_changelist"),
            {"action": "send_back", "_selected_action": [report.pk], "return_reason": "写真を1枚以上追加してください"},
        )

    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    assert [m.to for m in mailoutbox] == [["member@example.jp"]]
    mail = mailoutbox[0]
    assert "差戻し" in mail.subject and "見守りサロン" in mail.subject
    assert "写真を1枚以上追加してください" in mail.body


def test_a_return_without_a_reason_mails_nobody(adopted, org_member, django_capture_on_commit_callbacks, mailoutbox):
    report = report_services.report_submit(report=write_report(adopted))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError, match="理由"):
        report_services.report_return(report=report, reason="  ")

    assert mailoutbox == []


def test_accepting_a_report_sends_no_return_mail(adopted, org_member, django_capture_on_commit_callbacks, mailoutbox):
    report = report_services.report_submit(report=write_report(adopted))

    with django_capture_on_commit_callbacks(execute=True):
        report_services.report_accept(report=report)

    assert all("差戻し" not in m.subject for m in mailoutbox)
