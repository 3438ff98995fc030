"""A real browser: a group drafts an application, leaves, returns, submits; staff score and adopt; the group sees it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from projects.models import Application, ExpertConsultation, ShowcaseProject
from tests.conftest import make_session
from tests.projects.conftest import make_call

PDF = {"name": "kiyaku.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%demo\n"}


@pytest.mark.slow
def test_group_applies_staff_adopt_group_sees_the_decision(
    page, live_server, login, login_as, assert_accessible, organization, org_member, other_organization, staff
):
    make_call(2026)
    ShowcaseProject.objects.create(title="ALL練馬でワインづくり", organization=other_organization, fiscal_year=2018,
                                   year_is_estimated=True, summary="練馬産ブドウのワイン開発")
    slot_listing = ExpertConsultation.objects.create(
        organization=other_organization, title="経営相談", title_kana="けいえいそうだん", expert_name="相談 花子",
        expertise="会計")
    make_session(slot_listing, capacity=1)

    # 0. Public pages, as a visitor.
    for path in ["/projects/", "/projects/calls/2026/", "/projects/showcase/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)
    page.get_by_role("link", name="ALL練馬でワインづくり").first.click()
    expect(page.locator("main")).to_contain_text("年度は推定")
    assert_accessible(page)

    # 1. The group starts a draft, types the basics and leaves.
    login(page, org_member.email)
    page.goto(f"{live_server.url}/projects/my/{organization.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="申請を始める").click()
    assert_accessible(page)
    page.get_by_label("事業名").fill("多世代の見守りサロン")
    page.get_by_label("事業区分").select_option(label="やさしいまちづくり（地域福祉・福祉のまちづくり）")
    page.get_by_role("button", name="保存して中断する").click()
    expect(page.get_by_text("下書きを保存しました")).to_be_visible()

    # 2. It comes back later: what was typed is still there.
    page.goto(f"{live_server.url}/projects/my/{organization.pk}/")
    page.get_by_role("link", name="下書きの続きを入力する").click()
    expect(page.get_by_label("事業名")).to_have_value("多世代の見守りサロン")
    page.get_by_role("button", name="保存して次へ").click()

    page.get_by_label("事業の目的（地域の課題）").fill("一人暮らしの高齢者の孤立を防ぐ")
    page.get_by_label("事業の内容").fill("月2回、集会所でサロンを開く")
    page.get_by_label("実施スケジュール").fill("6月準備、7月〜2月開催")
    assert_accessible(page)
    page.get_by_role("button", name="保存して次へ").click()

    page.get_by_label("1行目の収入・支出").select_option(label="支出")
    page.get_by_label("1行目の項目").fill("会場費")
    page.get_by_label("1行目の金額（円）").fill("400000")
    page.get_by_label("助成申請額（円）").fill("350,000")
    page.get_by_role("button", name="保存して次へ").click()
    expect(page.locator("main")).to_contain_text("上限額300,000円を超えています")  # the ceiling, next to the field
    assert_accessible(page)
    page.get_by_label("助成申請額（円）").fill("280000")
    page.get_by_role("button", name="保存して次へ").click()

    assert_accessible(page)
    page.get_by_label("資料の名前").fill("団体の規約")
    page.get_by_label("ファイル").set_input_files(PDF)
    page.get_by_role("button", name="添付する").click()
    expect(page.locator("main")).to_contain_text("団体の規約")
    page.get_by_role("button", name="保存して次へ").click()

    page.get_by_label("1行目の氏名").fill("見守 三郎")
    page.get_by_label("1行目の役割").fill("代表")
    assert_accessible(page)
    page.get_by_role("button", name="保存して次へ").click()

    assert_accessible(page)
    page.get_by_role("button", name="この内容で提出する").click()
    expect(page.get_by_text("申請を提出しました")).to_be_visible()
    assert_accessible(page)
    application = Application.objects.get(organization=organization)
    assert application.status == Application.Status.SUBMITTED and application.requested_amount == 280_000

    # The consultation page is for members only, and reachable from マイ団体.
    page.goto(f"{live_server.url}/projects/my/{organization.pk}/consultations/")
    assert_accessible(page)

    # 3. Staff score and adopt in the admin.
    login_as(page, staff)
    page.goto(f"{live_server.url}/admin/projects/application/{application.pk}/score/")
    for label in ["地域の課題への必要性", "実現性", "地域への効果", "継続性・発展性", "予算の妥当性"]:
        page.get_by_label(label).fill("4")
    page.get_by_role("button", name="審査票を保存").click()
    expect(page.get_by_text("審査票を保存しました。")).to_be_visible()
    page.goto(f"{live_server.url}/admin/projects/application/{application.pk}/decide/")
    assert "20.0" in page.content()
    page.get_by_label("採択", exact=True).check()
    page.get_by_label("理由（条件付き採択の場合は条件）").fill("地域の見守りにつながる具体的な計画です。")
    page.get_by_label("助成決定額（円）").fill("250000")
    page.get_by_role("button", name="決定して通知する").click()
    expect(page.get_by_text(re.compile(r"決定を保存し、代表者など\d+件のあて先にメールで通知しました。"))).to_be_visible()
    application.refresh_from_db()
    assert application.status == Application.Status.ADOPTED and application.granted_amount == 250_000
    assert any("審査結果" in m.subject for m in mail.outbox)

    # 4. The group sees the decision.
    login_as(page, org_member)
    page.goto(f"{live_server.url}/projects/my/{organization.pk}/applications/{application.pk}/")
    content = page.content()
    assert "採択" in content and "250,000円" in content and "具体的な計画です" in content
    assert_accessible(page)
    page.get_by_role("link", name="活動報告を作成する").click()
    assert_accessible(page)
