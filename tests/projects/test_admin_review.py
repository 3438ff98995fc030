"""Staff screens: CSV export with BOM, printable budget sheet, yearly numbers, report accept/return."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from projects.models import Application, Report
from projects.services import reports as report_services
from projects.services.summary import funded_by_stage, funded_by_year
from tests.projects.conftest import make_application


def test_the_csv_export_starts_with_a_bom_and_lists_the_calls_applications(client, staff, call, organization):
    make_application(call, organization, status=Application.Status.SUBMITTED, title="見守りサロン")
    client.force_login(staff)
    response = client.get(reverse("admin:projects_application_export", args=[call.pk]))
    body = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][:4] == ["申請番号", "年度", "団体名", "事業名"]
    assert rows[1][2:4] == ["練馬テスト町会", "見守りサロン"]
    assert rows[1][7:10] == ["200000", "250000", "200000"]  # income, expense, requested


def test_the_coordinator_may_export_but_not_decide(client, coordinator, call, organization):
    application = make_application(call, organization, status=Application.Status.SUBMITTED)
    client.force_login(coordinator)
    assert client.get(reverse("admin:projects_application_export", args=[call.pk])).status_code == 200
    assert client.get(reverse("admin:projects_application_decide", args=[application.pk])).status_code == 403


def test_the_budget_sheet_is_a_printable_page(client, staff, call, organization):
    application = make_application(call, organization)
    client.force_login(staff)
    page = client.get(reverse("admin:projects_application_budget_sheet", args=[application.pk])).content.decode()
    assert "収支予算書" in page and "250,000円" in page and "代表 テスト" in page
    assert "projects.css" in page


def test_staff_decide_through_the_admin_form(client, staff, call, organization, mailoutbox):
    application = make_application(call, organization, status=Application.Status.SUBMITTED)
    client.force_login(staff)
    url = reverse("admin:projects_application_decide", args=[application.pk])
    response = client.post(url, {"decision": "adopted", "reason": "", "granted_amount": "100000"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    response = client.post(url, {"decision": "adopted", "reason": "具体的です", "granted_amount": "100,000"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ADOPTED and application.granted_amount == 100_000


def test_yearly_numbers_count_groups_funded_per_year_and_stage(call, last_call, organization, other_organization):
    make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=200_000)
    make_application(call, other_organization, stage_level=1, status=Application.Status.CONDITIONAL,
                     granted_amount=100_000)
    make_application(last_call, organization, status=Application.Status.REJECTED)
    by_year = {row["call__fiscal_year"]: row for row in funded_by_year()}
    assert by_year[call.fiscal_year]["groups_funded"] == 2
    assert by_year[call.fiscal_year]["granted_total"] == 300_000
    assert by_year[last_call.fiscal_year]["groups_funded"] == 0
    assert by_year[last_call.fiscal_year]["applications"] == 1
    assert [(r["stage__name"], r["groups_funded"]) for r in funded_by_stage()] == [("スタートアップ", 2)]


@pytest.fixture
def submitted_report(call, organization):
    application = make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=100_000)
    report = Report.objects.create(application=application, results="延べ100人が参加")
    report.budget_lines.create(kind="expense", item="会場費", amount=100_000)
    return report_services.report_submit(report=report)


def test_staff_accept_a_report_from_the_admin(client, staff, submitted_report):
    client.force_login(staff)
    client.post(reverse("admin:projects_report_changelist"),
                {"action": "accept", "_selected_action": [submitted_report.pk]})
    submitted_report.refresh_from_db()
    assert submitted_report.status == Report.Status.ACCEPTED


def test_staff_return_a_report_with_a_reason_and_the_group_can_edit_again(client, staff, submitted_report):
    client.force_login(staff)
    client.post(reverse("admin:projects_report_changelist"),
                {"action": "send_back", "_selected_action": [submitted_report.pk], "return_reason": "写真を追加してください"})
    submitted_report.refresh_from_db()
    assert submitted_report.status == Report.Status.RETURNED and submitted_report.is_editable


def test_a_return_needs_a_reason(submitted_report):
    with pytest.raises(ValidationError):
        report_services.report_return(report=submitted_report, reason=" ")


def test_a_submitted_report_is_locked(submitted_report):
    with pytest.raises(ValidationError, match="提出済み"):
        report_services.report_update(report=submitted_report, results="書き換え")


def test_the_group_writes_and_submits_its_report(client, org_member, call, organization):
    application = make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=100_000)
    client.force_login(org_member)
    url = reverse("projects:report_edit", args=[organization.pk, application.pk])
    response = client.post(url, {
        "results": "延べ120人が参加", "participants": "120", "next_steps": "",
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "40",
        "lines-0-kind": "expense", "lines-0-item": "会場費", "lines-0-amount": "98,000",
    })
    assert response.status_code == 302
    client.post(reverse("projects:report_submit", args=[organization.pk, application.pk]))
    report = Report.objects.get(application=application)
    assert report.status == Report.Status.SUBMITTED and report.budget_lines.get().amount == 98_000


def test_a_draft_application_has_no_report_page(client, org_member, call, organization):
    application = make_application(call, organization)
    client.force_login(org_member)
    assert client.get(reverse("projects:report_edit", args=[organization.pk, application.pk])).status_code == 404


def test_staff_open_an_application_with_its_attachments_in_the_admin(client, staff, call, organization, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = make_application(call, organization, status=Application.Status.SUBMITTED)
    application.attachments.create(title="団体の規約", file=SimpleUploadedFile("kiyaku.pdf", b"%PDF-1.4\n"))
    client.force_login(staff)

    response = client.get(reverse("admin:projects_application_change", args=[application.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "団体の規約" in body and "会場費" in body  # the attachment and the budget line, read-only
