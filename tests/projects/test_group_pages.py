"""マイ団体 pages: drafts saved at every step, nothing typed lost, uploads checked, submission."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from projects.models import Application
from tests.projects.conftest import make_application


def step_url(application, step):
    return reverse("projects:application_step", args=[application.organization_id, application.pk, step])


@pytest.fixture
def member_client(client, org_member):
    client.force_login(org_member)
    return client


@pytest.fixture
def draft(call, organization, org_member):
    from projects.services.applications import application_start

    return application_start(call=call, organization=organization, user=org_member)


def test_starting_an_application_opens_the_first_step_with_the_allowed_stage(member_client, call, organization):
    response = member_client.post(reverse("projects:application_start", args=[organization.pk]))
    application = Application.objects.get(organization=organization)
    assert response["Location"] == step_url(application, "basic")
    assert application.stage.level == 1 and application.status == Application.Status.DRAFT


def test_starting_twice_reopens_the_same_draft(member_client, draft, organization):
    member_client.post(reverse("projects:application_start", args=[organization.pk]))
    assert Application.objects.filter(organization=organization).count() == 1


def test_each_step_saves_the_draft_and_moves_on(member_client, draft, call):
    response = member_client.post(step_url(draft, "basic"), {
        "title": "見守りサロン", "category": call.categories.first().pk, "stage": draft.stage_id, "action": "next"})
    assert response["Location"] == step_url(draft, "plan")
    draft.refresh_from_db()
    assert draft.title == "見守りサロン" and draft.category == call.categories.first()


def test_save_and_leave_keeps_the_draft_and_goes_back_to_the_list(member_client, draft):
    response = member_client.post(step_url(draft, "plan"), {"purpose": "孤立を防ぐ", "action": "exit"})
    assert response["Location"] == reverse("projects:application_list", args=[draft.organization_id])
    draft.refresh_from_db()
    assert draft.purpose == "孤立を防ぐ"


def test_an_invalid_step_keeps_what_was_typed_and_saves_the_valid_fields(member_client, draft):
    too_long = "あ" * 121
    response = member_client.post(step_url(draft, "basic"), {"title": too_long, "category": "999999", "action": "next"})
    assert response.status_code == 400
    page = response.content.decode()
    assert too_long in page  # typed value kept in the form
    assert "errorlist" in page
    response = member_client.post(step_url(draft, "plan"), {"purpose": "目的", "plan": "計画", "action": "next"})
    draft.refresh_from_db()
    assert draft.purpose == "目的"


def test_the_budget_step_saves_valid_rows_and_keeps_the_wrong_one_on_screen(member_client, draft):
    data = {
        "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "40",
        "lines-0-kind": "expense", "lines-0-item": "会場費", "lines-0-amount": "120,000",
        "lines-1-kind": "expense", "lines-1-item": "講師謝礼", "lines-1-amount": "-5000",
        "lines-2-kind": "expense", "lines-2-item": "", "lines-2-amount": "",
        "requested_amount": "100000", "action": "next",
    }
    response = member_client.post(step_url(draft, "budget"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "金額は0円以上で入力してください。" in page and "-5000" in page and "講師謝礼" in page
    assert list(draft.budget_lines.values_list("item", "amount")) == [("会場費", 120000)]
    draft.refresh_from_db()
    assert draft.requested_amount == 100000


def test_the_budget_step_shows_the_ceiling_error_next_to_the_amount(member_client, draft):
    data = {
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "40",
        "lines-0-kind": "expense", "lines-0-item": "会場費", "lines-0-amount": "500000",
        "requested_amount": "400000", "action": "next",
    }
    response = member_client.post(step_url(draft, "budget"), data)
    assert response.status_code == 400
    assert "上限額300,000円を超えています" in response.content.decode()


def _png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, message", [
    ("plan.pdf", b"MZ\x90\x00" + b"\x00" * 200, "PDFまたは画像"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "PDFまたは画像"),
    ("big.png", _png(6000, 4000, "1"), "2,000万画素"),
])
def test_dangerous_attachments_are_refused_with_a_japanese_message(member_client, draft, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = member_client.post(step_url(draft, "attachments"), {"title": "見積書", "file": upload, "action": "stay"})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and 'value="見積書"' in page
    assert not draft.attachments.exists()


def test_a_pdf_and_a_photo_are_attached(member_client, draft):
    member_client.post(step_url(draft, "attachments"), {
        "title": "規約", "file": SimpleUploadedFile("kiyaku.pdf", b"%PDF-1.4\n%..."), "action": "stay"})
    member_client.post(step_url(draft, "attachments"), {
        "title": "活動の様子", "file": SimpleUploadedFile("photo.png", _png(40, 30)), "action": "stay"})
    assert sorted(draft.attachments.values_list("title", flat=True)) == ["活動の様子", "規約"]
    attachment = draft.attachments.get(title="規約")
    response = member_client.get(attachment.file.url)
    # Saved under the title the group gave it (規約.pdf), always as an attachment.
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E8%A6%8F%E7%B4%84.pdf"


def test_the_confirm_step_lists_what_is_missing_with_links(member_client, draft):
    response = member_client.get(step_url(draft, "confirm"))
    page = response.content.decode()
    assert "事業名を入力してください。" in page and step_url(draft, "basic") in page
    assert "この内容で提出する" not in page


def test_a_complete_draft_is_submitted_and_then_read_only(member_client, call, organization):
    application = make_application(call, organization)
    response = member_client.post(reverse("projects:application_submit", args=[organization.pk, application.pk]))
    assert response["Location"] == reverse("projects:application_detail", args=[organization.pk, application.pk])
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_an_incomplete_draft_is_not_submitted(member_client, draft):
    response = member_client.post(reverse("projects:application_submit", args=[draft.organization_id, draft.pk]))
    assert response["Location"] == step_url(draft, "confirm")
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


def test_the_decision_is_shown_to_the_group(member_client, call, organization):
    application = make_application(call, organization, status=Application.Status.CONDITIONAL,
                                   granted_amount=150_000, decision_reason="会場の確保を条件とします。")
    page = member_client.get(reverse("projects:application_detail", args=[organization.pk, application.pk]))
    text = page.content.decode()
    assert "条件付き採択" in text and "150,000円" in text and "会場の確保を条件とします。" in text
