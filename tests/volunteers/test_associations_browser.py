"""Real-browser journeys: a newcomer finds their association and asks to join; axe-core on every page of ours."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from community.models import Membership
from tests.conftest import make_place, make_session, make_user
from tests.volunteers.factories_associations import (
    chome,
    make_association,
    make_commissioner,
    make_district,
    make_inquiry,
)
from volunteers.models import CoordinatorTeam, GroupProfile, JoinInquiry, NpoSeminar, NpoSupportMenu


@pytest.fixture
def neighbourhood(db):
    profile = make_association(
        "豊玉北五丁目テスト町会",
        chomes=[chome("豊玉北", 5)],
        activities=["safety", "festival"],
        how_to_join="班長がご案内します。",
        fee_text="月額300円",
        meeting_place=make_place(),
    )
    make_association("桜台テスト町会", chomes=[chome("桜台", 3)], name_kana="さくらだい")
    district = make_district(chomes=[chome("豊玉北", 5)])
    make_commissioner(district)
    CoordinatorTeam.objects.create(area=chome("豊玉北", 5).town.area, name="練馬地区チーム", office="社協 練馬窓口", phone="03-0000-0001")
    return profile


def test_a_newcomer_enters_their_address_finds_their_association_and_sends_a_join_inquiry(
    page, live_server, assert_accessible, neighbourhood
):
    page.goto(f"{live_server.url}{reverse('volunteers:newcomer')}")
    assert_accessible(page)

    page.get_by_role("textbox", name="住所").fill("練馬区豊玉北５－３－１")
    page.get_by_role("button", name="住所から調べる").click()
    expect(page.get_by_role("heading", name="豊玉北5丁目（練馬地域）の町会・自治会")).to_be_visible()
    expect(page.get_by_text("練馬第1地区（テスト）").first).to_be_visible()
    expect(page.get_by_text("桜台テスト町会")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="加入について問い合わせる").click()
    expect(page.get_by_role("heading", level=1, name="豊玉北五丁目テスト町会")).to_be_visible()
    assert_accessible(page)

    # First without a way to reply: the error sits next to the field and the name stays.
    page.get_by_label("お名前").fill("転入 花子")
    page.get_by_role("button", name="問い合わせを送る").click()
    expect(page.get_by_text("メールアドレスか電話番号のどちらかを入力してください。").first).to_be_visible()
    expect(page.get_by_label("お名前")).to_have_value("転入 花子")
    assert_accessible(page)

    page.get_by_label("メールアドレス").fill("hanako@example.jp")
    page.get_by_label("お問い合わせの内容（任意）").fill("4月に引っ越してきました。")
    page.get_by_role("button", name="問い合わせを送る").click()
    expect(page.get_by_role("heading", name="問い合わせを送りました")).to_be_visible()
    assert_accessible(page)

    inquiry = JoinInquiry.objects.get()
    assert (inquiry.association, inquiry.email, inquiry.user) == (neighbourhood.organization, "hanako@example.jp", None)


def test_the_association_member_marks_the_inquiry_answered(page, live_server, assert_accessible, login, neighbourhood):
    member = make_user("chokai@example.jp", name="町会 会長")
    Membership.objects.create(organization=neighbourhood.organization, user=member, role=Membership.Role.REPRESENTATIVE)
    make_inquiry(neighbourhood.organization, name="転入 太郎")
    login(page, "chokai@example.jp")

    page.goto(f"{live_server.url}{reverse('volunteers:association_detail', args=[neighbourhood.pk])}")
    page.get_by_role("link", name="この会に届いた加入の問い合わせを見る（メンバー用）").click()
    expect(page.get_by_role("cell", name="taro@example.jp")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("回答済みにする.*転入 太郎")).click()
    expect(page.get_by_text("転入 太郎さんの問い合わせを「回答済み」にしました。")).to_be_visible()
    assert_accessible(page)
    assert JoinInquiry.objects.get().status == JoinInquiry.Status.ANSWERED


def test_a_resident_registers_as_collaborator_and_sees_the_status(page, live_server, assert_accessible, login, neighbourhood):
    make_user("resident-b@example.jp", name="練馬 次郎")
    login(page, "resident-b@example.jp")

    page.goto(f"{live_server.url}{reverse('volunteers:collaborators')}")
    assert_accessible(page)
    page.get_by_role("link", name="推進員に登録する").click()
    page.get_by_role("button", name="登録する").click()  # nothing chosen: errors next to the groups
    expect(page.get_by_text("活動したい地域を1つ以上選んでください。", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("練馬").check()
    page.get_by_label("高齢者の支え合い").check()
    page.get_by_label("土曜").check()
    page.get_by_role("button", name="登録する").click()
    expect(page.get_by_text("受付（連絡をお待ちください）")).to_be_visible()
    expect(page.get_by_text("練馬地区チーム")).to_be_visible()
    assert_accessible(page)


@pytest.mark.slow
def test_every_other_public_page_is_accessible(page, live_server, assert_accessible, neighbourhood):
    center = neighbourhood.organization  # any published organization may run a seminar in the test
    NpoSupportMenu.objects.create(kind="founding", title="設立相談", description="NPOをつくる相談", how_to_apply="電話で予約")
    seminar = NpoSeminar.objects.create(organization=center, title="会計講座", title_kana="かいけい", status="published")
    make_session(seminar, days=10)
    other = make_user("npo@example.jp")
    from tests.conftest import make_organization

    npo = make_organization("見守りNPO", kind="npo", name_kana="みまもり", area=chome("豊玉北", 5).town.area)
    GroupProfile.objects.create(organization=npo, field="elderly", activity_summary="訪問", help_wanted="電話ボランティア")
    assert other

    for url in [
        reverse("volunteers:index"),
        reverse("volunteers:association_list"),
        reverse("volunteers:association_list") + "?address=どこか",
        reverse("volunteers:association_list") + "?address=豊玉北5丁目",
        reverse("volunteers:commissioners"),
        reverse("volunteers:commissioners") + "?address=豊玉北５－１",
        reverse("volunteers:commissioner_contact") + f"?district={neighbourhood.pk}",
        reverse("volunteers:commissioner_contact_sent"),
        reverse("volunteers:area_list"),
        reverse("volunteers:area_detail", args=["nerima"]),
        reverse("volunteers:npo_support"),
        reverse("volunteers:npo_seminar_detail", args=[seminar.pk]),
        reverse("volunteers:npo_groups"),
        reverse("volunteers:npo_groups") + "?field=elderly",
    ]:
        page.goto(f"{live_server.url}{url}")
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)

    # The contact form with errors, sent from the browser.
    page.goto(f"{live_server.url}{reverse('volunteers:commissioner_contact')}")
    page.get_by_role("button", name="送信する").click()
    expect(page.get_by_text("お名前を入力してください。", exact=True)).to_be_visible()
    assert_accessible(page)
