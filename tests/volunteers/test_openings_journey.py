"""Real-browser journey: a resident fills the volunteer profile, sees a fitting opening, applies; the
organization accepts in マイ団体. axe-core runs on every page visited."""

import re

import pytest
from playwright.sync_api import expect

from tests.volunteers.factories_college import make_cohort, make_course, make_opening
from volunteers.models.openings import OpeningApplication


@pytest.mark.slow
def test_resident_profile_to_accepted_volunteer(page, live_server, login, assert_accessible, organization, org_member, resident):
    opening = make_opening(organization, title="防災倉庫の点検ボランティア", weekdays=(1,), times=("am",))
    make_opening(organization, title="大泉の花壇づくり", field="green", area_slug="oizumi", weekdays=(5,), times=("pm",))
    course = make_course(make_cohort(intake_open=True), organization, field="disaster")

    page.goto(f"{live_server.url}/volunteers/college/")
    assert_accessible(page)
    page.get_by_role("link", name=course.cohort.name, exact=True).click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/volunteers/openings/")
    assert_accessible(page)

    login(page, resident.email)
    page.goto(f"{live_server.url}/volunteers/profile/")
    assert_accessible(page)
    page.get_by_role("button", name="保存して合う募集を見る").click()
    # Nothing chosen: the error sits next to the field and the page stays accessible.
    expect(page.get_by_text("分野か地域を1つ以上選んでください。").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="関心のある分野").get_by_label("防災").check()
    page.get_by_role("group", name="活動できる地域").get_by_label("石神井").check()
    page.get_by_role("group", name="活動できる曜日").get_by_label("火曜").check()
    page.get_by_role("group", name="活動できる時間帯").get_by_label("午前").check()
    page.get_by_role("button", name="保存して合う募集を見る").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("あなたに合うボランティア募集")
    expect(page.get_by_text("火曜午前・石神井・防災")).to_be_visible()
    expect(page.get_by_text("大泉の花壇づくり")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name=opening.title).click()
    assert_accessible(page)
    page.get_by_label("団体へのメッセージ").fill("火曜の午前なら毎週参加できます。")
    page.get_by_role("button", name="この募集に応募する").click()
    expect(page.get_by_text("応募しました。")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("button", name="ログアウト")).to_have_count(0)
    login(page, org_member.email)
    page.goto(f"{live_server.url}/volunteers/my/organizations/{organization.pk}/applications/")
    assert_accessible(page)
    # Until accepted, the organization sees 「応募者 #n」, not the applicant's name.
    application = OpeningApplication.objects.get(user=resident)
    expect(page.get_by_text(resident.full_name)).to_have_count(0)
    page.get_by_role("link", name=f"応募者 #{application.pk}").click()
    expect(page.get_by_text("受け入れを決めると表示されます。")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("受け入れる").check()
    page.get_by_label("応募者へのメッセージ").fill("ぜひお願いします。")
    page.get_by_role("button", name="返事を送る").click()
    expect(page.get_by_text(resident.email)).to_be_visible()
    page.get_by_role("link", name="ボランティア名簿").click()
    expect(page).to_have_url(re.compile(r"/roster/$"))
    expect(page.get_by_role("cell", name=resident.email)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="人をさがして招待する").click()
    assert_accessible(page)
