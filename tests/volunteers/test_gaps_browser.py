"""Real-browser journeys for the gaps: a 町会 member edits their page; a resident withdraws an application.

axe-core runs on every page of ours that is visited.
"""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from community.models import Membership
from tests.conftest import make_place, make_user
from tests.volunteers.factories_associations import make_association


@pytest.fixture
def member_and_association(db):
    profile = make_association("豊玉北ブラウザ町会", fee_text="月額300円")
    member = make_user("chokai@example.jp", name="町会 代表")
    Membership.objects.create(organization=profile.organization, user=member, role=Membership.Role.REPRESENTATIVE)
    make_place("豊玉北ブラウザ会館", organization=profile.organization)
    return member, profile


@pytest.mark.slow
def test_a_member_edits_the_association_page_with_a_photo(
    page, live_server, assert_accessible, login_as, member_and_association, tmp_path
):
    member, profile = member_and_association
    photo = tmp_path / "matsuri.png"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (30, 120, 200)).save(buffer, format="PNG")
    photo.write_bytes(buffer.getvalue())
    login_as(page, member)

    page.goto(f"{live_server.url}{reverse('community:organization_dashboard', args=[profile.organization_id])}")
    page.get_by_role("link", name="町会・自治会の紹介").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^町会・自治会の紹介を編集"))
    assert_accessible(page)

    # A photo without its description: the error sits next to the field and what was typed stays.
    page.get_by_label("お祭り・行事").check()
    page.get_by_label("会費").fill("月額250円")
    page.get_by_label("写真を追加").set_input_files(str(photo))
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("写真の内容を短く書いてください").first).to_be_visible()
    expect(page.get_by_label("会費")).to_have_value("月額250円")
    assert_accessible(page)

    page.get_by_label("集会所・活動の場所").select_option(label="豊玉北ブラウザ会館")
    page.get_by_label("写真を追加").set_input_files(str(photo))
    page.get_by_label("追加する写真の説明（読み上げ用）").fill("夏祭りの盆踊り")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("町会・自治会の紹介を保存しました")).to_be_visible()
    expect(page.get_by_role("img", name="夏祭りの盆踊り")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="公開ページを見る").click()
    expect(page.get_by_text("月額250円")).to_be_visible()
    expect(page.get_by_role("img", name="夏祭りの盆踊り")).to_be_visible()
    assert_accessible(page)


def test_a_resident_withdraws_an_application_and_may_apply_again(page, live_server, assert_accessible, login_as, db):
    from tests.volunteers.factories_college import make_opening
    from volunteers.models import OpeningApplication
    from volunteers.services import openings as services_openings

    organization = make_association("石神井ブラウザ町会").organization
    opening = make_opening(organization, title="防災倉庫の点検（ブラウザ）")
    resident = make_user("volunteer@example.jp", name="応募 花子")
    services_openings.opening_apply(opening=opening, user=resident, message="参加したいです")
    login_as(page, resident)

    page.goto(f"{live_server.url}{reverse('volunteers:my_volunteering')}")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"応募を取り下げる\s*（防災倉庫の点検（ブラウザ））")).click()
    expect(page.get_by_text("応募を取り下げました")).to_be_visible()
    expect(page.get_by_text("取り下げ", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"応募を取り下げる\s*（防災倉庫の点検（ブラウザ））"))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="防災倉庫の点検（ブラウザ）").click()
    expect(page.get_by_role("button", name="この募集に応募する")).to_be_visible()
    assert_accessible(page)
    assert OpeningApplication.objects.get().status == "withdrawn"
