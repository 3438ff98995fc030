"""In a real Chromium: a 区職員 signs in with password and authenticator code, reads a grant application (its plan,
budget and an attachment), scores and decides it, and lands on a working page each time; a coordinator's
attempts at what is not theirs are refused. axe-core checks each page on the way."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from hiroba.models import ConsultationRequest
from projects.models import Application, Attachment
from tests.conftest import totp_code
from tests.hiroba.conftest import make_consultation
from tests.projects.conftest import make_application, make_call

PLAN = "毎月第2・第4土曜に、集会所で高齢の方と子どもが一緒に昼食をとる食堂を開きます。"
PDF = b"%PDF-1.4\n% demo attachment\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def application(organization, org_member):
    """Submitted by the group's 代表者, so the decision has someone to mail."""
    call = make_call(timezone.localdate().year)
    application = make_application(call, organization, status=Application.Status.SUBMITTED, title="多世代こども食堂",
                                   requested=250_000, submitted_by=org_member)
    application.plan = PLAN
    application.save(update_fields=["plan"])
    attachment = Attachment(application=application, title="会場の見取り図")
    attachment.file.save("mitorizu.pdf", ContentFile(PDF))
    return application


def test_ward_staff_sign_in_with_two_factors_and_review_score_and_decide(
    live_server, page, staff, application, assert_accessible
):
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_label("メールアドレス").fill(staff.email)
    page.get_by_label("パスワード").first.fill("pass-word-123")
    page.get_by_role("button", name="ログイン").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code())
    page.locator("form[action$='/2fa/authenticate/'] button[type=submit]").click()
    expect(page.get_by_role("heading", name="管理メニュー")).to_be_visible()

    page.get_by_role("link", name="申請", exact=True).first.click()
    page.get_by_role("link", name="多世代こども食堂").click()
    expect(page.get_by_text(PLAN)).to_be_visible()
    expect(page.get_by_role("cell", name="会場費", exact=True)).to_be_visible()  # the budget
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("ダウンロード（会場の見取り図")).click()
    assert open(download.value.path(), "rb").read() == PDF

    page.get_by_role("link", name="採点する").click()
    for label in ["地域の課題への必要性", "実現性", "地域への効果", "継続性・発展性", "予算の妥当性"]:
        page.get_by_label(re.compile(label)).fill("4")
    page.get_by_label("講評").fill("地域の担い手が具体的です。")
    assert_accessible(page)
    page.get_by_role("button", name="審査票を保存").click()
    expect(page.get_by_text("審査票を保存しました。")).to_be_visible()
    expect(page.get_by_text(PLAN)).to_be_visible()  # back on the application, not on an error page

    page.get_by_role("link", name="採否を決定する").click()
    expect(page.get_by_role("cell", name="20", exact=True)).to_be_visible()  # the sheet just saved
    page.get_by_label("採択", exact=True).check()
    page.get_by_label("理由（条件付き採択の場合は条件）").fill("計画が具体的で、地域の課題に合っています。")
    page.get_by_label("助成決定額（円）").fill("200,000")
    assert_accessible(page)
    page.get_by_role("button", name="決定して通知する").click()
    expect(page.get_by_text(re.compile(r"決定を保存し、代表者など\d+件のあて先にメールで通知しました。"))).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert (application.status, application.granted_amount, application.decided_by) == ("adopted", 200_000, staff)


def test_a_coordinators_attempts_beyond_their_role_are_refused(
    live_server, page, coordinator, staff, application, login_as, assert_accessible
):
    consultation = make_consultation(message="夜に眠れず困っています", phone="03-7777-6666")
    login_as(page, coordinator)

    page.goto(f"{live_server.url}/admin/projects/application/{application.pk}/change/")
    expect(page.get_by_text(PLAN)).to_be_visible()  # coordinators may read applications
    expect(page.get_by_role("link", name="採否を決定する")).to_have_count(0)
    expect(page.get_by_role("link", name="採点する")).to_have_count(0)
    response = page.goto(f"{live_server.url}/admin/projects/application/{application.pk}/decide/")
    assert response.status == 403

    page.goto(f"{live_server.url}/admin/community/user/{coordinator.pk}/change/")
    expect(page.get_by_text(coordinator.email).first).to_be_visible()
    expect(page.locator("input[name=is_superuser]")).to_have_count(0)
    expect(page.locator("[name=groups]")).to_have_count(0)
    expect(page.get_by_role("button", name="保存")).to_have_count(0)
    assert_accessible(page)

    page.goto(f"{live_server.url}/admin/hiroba/consultationrequest/{consultation.pk}/change/")
    expect(page.get_by_text("担当の職員と権限のある区職員だけが見られます")).to_be_visible()
    expect(page.get_by_text("夜に眠れず困っています")).to_have_count(0)
    response = page.goto(f"{live_server.url}/admin/hiroba/consultationrequest/?message__contains=眠れず")
    assert response.status == 400

    assert page.goto(f"{live_server.url}/admin/hiroba/consultationteam/add/").status == 403
    assert page.goto(f"{live_server.url}/admin/auth/group/").status == 403
    assert ConsultationRequest.objects.get(pk=consultation.pk).assigned_to is None
