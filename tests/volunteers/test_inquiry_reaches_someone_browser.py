"""Nothing a resident sends reaches nobody, in a real browser: a join inquiry to an association with no portal
member reaches the area's coordinator, who finds it on the admin's to-do list and answers; the resident has a
receipt on screen and by mail, then the answer. axe-core on every page."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import make_place
from tests.volunteers.factories_associations import chome, make_association
from volunteers.models import CoordinatorAssignment, CoordinatorTeam, JoinInquiry


@pytest.fixture
def association_without_members(coordinator):
    profile = make_association("豊玉北テスト町会（メンバーなし）", chomes=[chome("豊玉北", 5)], meeting_place=make_place())
    team = CoordinatorTeam.objects.create(
        area=chome("豊玉北", 5).town.area, name="練馬地区 地域福祉コーディネーター（テスト）", office="社協 練馬（テスト）",
        phone="03-0000-0001", email="team@example.jp",
    )
    CoordinatorAssignment.objects.create(team=team, user=coordinator)
    return profile


def test_a_join_inquiry_without_members_is_answered_by_the_coordinator_from_the_to_do_list(
    page, live_server, assert_accessible, login_as, coordinator, association_without_members
):
    # 1. The resident asks to join.
    page.goto(f"{live_server.url}{reverse('volunteers:association_detail', args=[association_without_members.pk])}")
    assert_accessible(page)
    page.get_by_label("お名前").fill("転入 花子")
    page.get_by_label("メールアドレス").fill("hanako@example.jp")
    page.get_by_label("お問い合わせの内容（任意）").fill("4月に引っ越してきました。子ども会にも入りたいです。")
    page.get_by_role("button", name="問い合わせを送る").click()

    # 2. The receipt, on screen: reference, what happens next, the coordinators' office and phone.
    expect(page.get_by_role("heading", name="問い合わせを送りました")).to_be_visible()
    inquiry = JoinInquiry.objects.get()
    expect(page.get_by_text(inquiry.reference)).to_be_visible()
    expect(page.get_by_role("link", name="03-0000-0001")).to_have_attribute("href", "tel:0300000001")
    expect(page.get_by_text("会に取り次いでご連絡します")).to_be_visible()
    assert_accessible(page)
    receipt = next(m for m in mail.outbox if m.to == ["hanako@example.jp"])
    assert inquiry.reference in receipt.subject and "03-0000-0001" in receipt.body
    told = sorted(m.to[0] for m in mail.outbox if "加入の問い合わせが届きました" in m.subject)
    assert told == [coordinator.email, "team@example.jp"]

    # 3. The coordinator opens the admin: the to-do list comes first, with the inquiry counted and linked.
    login_as(page, coordinator)
    page.goto(f"{live_server.url}/admin/")
    todo = page.get_by_role("region", name="やること")
    expect(todo).to_be_visible()
    row = todo.get_by_role("row", name=re.compile("未回答の加入の問い合わせ"))
    expect(row).to_contain_text("1件")
    assert_accessible(page)
    row.get_by_role("link").click()
    expect(page.get_by_text("転入 花子")).to_be_visible()
    assert_accessible(page)

    # 4. …and answers.
    page.get_by_role("link", name="回答する").click()
    expect(page.get_by_text("4月に引っ越してきました。")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="回答を送る").click()
    expect(page.get_by_text("回答を入力してください。")).to_be_visible()  # nothing typed: refused next to the field
    page.get_by_label("回答").fill("毎月第1日曜に集会所で役員会があります。当日お越しください。")
    page.get_by_role("button", name="回答を送る").click()
    expect(page.get_by_text("転入 花子さんに回答をメールで送り、回答済みにしました。")).to_be_visible()
    assert_accessible(page)

    inquiry.refresh_from_db()
    assert inquiry.status == JoinInquiry.Status.ANSWERED and inquiry.answered_by == coordinator
    answer = next(m for m in mail.outbox if m.to == ["hanako@example.jp"] and "回答" in m.subject)
    assert "毎月第1日曜に集会所で役員会があります。" in answer.body and inquiry.reference in answer.body
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("region", name="やること").get_by_role("row", name=re.compile("未回答の加入の問い合わせ"))).to_contain_text("0件")
