"""Real-browser journey through the College: apply (with a mistake first), see the application, then the
other pages of this idea (graduates, an organization's opening form, staff attendance); axe on each page."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.volunteers.factories_college import (
    make_cohort,
    make_college_application,
    make_course,
    make_profile,
)
from volunteers.models import CollegeApplication, VolunteerProfile


@pytest.mark.slow
def test_apply_to_the_college_and_visit_every_college_page(
    page, live_server, login, assert_accessible, organization, org_member, resident, staff
):
    cohort = make_cohort(intake_open=True)
    make_course(cohort, organization, field="welfare")
    make_course(cohort, organization, field="green")
    graduated = make_course(make_cohort(), organization, field="farm")
    make_college_application(graduated, org_member, status=CollegeApplication.Status.GRADUATED)
    make_profile(org_member, fields=(), visibility=VolunteerProfile.Visibility.PUBLIC, wishes="援農を続けたい")

    login(page, resident.email)
    page.goto(f"{live_server.url}/volunteers/college/cohorts/{cohort.pk}/apply/")
    assert_accessible(page)
    page.get_by_label("福祉（定員3人）").check()
    page.get_by_label("受講の動機").fill("見守り活動を始めたい")
    page.get_by_role("button", name="申し込む").click()
    expect(page.get_by_text("受講できる時間帯を1つ以上選んでください。").first).to_be_visible()
    expect(page.get_by_label("受講の動機")).to_have_value("見守り活動を始めたい")
    assert_accessible(page)
    page.get_by_label("土曜・日曜").check()
    page.get_by_label("申込内容を区と社会福祉協議会がカレッジの運営に使うことに同意します").check()
    page.get_by_role("button", name="申し込む").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("カレッジの申込と受講状況")
    expect(page.get_by_text("抽選待ち")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/volunteers/college/graduates/")
    expect(page.get_by_text("援農を続けたい")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("button", name="ログアウト")).to_have_count(0)

    login(page, org_member.email)
    page.goto(f"{live_server.url}/volunteers/my/organizations/{organization.pk}/openings/")
    assert_accessible(page)
    page.get_by_role("link", name="新しい募集を作る").click()
    page.get_by_label("募集のタイトル").fill("公園の花壇づくり")
    page.get_by_role("button", name="保存して承認を申請する").click()
    expect(page.get_by_text("募集締切日を入力してください。").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("button", name="ログアウト")).to_have_count(0)

    course = cohort.courses.get(field="welfare")
    start = timezone.now() - dt.timedelta(days=1)
    session = course.sessions.create(title="地域福祉の基礎", starts_at=start, ends_at=start + dt.timedelta(hours=2))
    CollegeApplication.objects.filter(course=course).update(status=CollegeApplication.Status.ENROLLED)
    login(page, staff.email)
    page.goto(f"{live_server.url}/volunteers/college/staff/classes/{session.pk}/attendance/")
    page.get_by_label(resident.full_name).check()
    page.get_by_role("button", name="出席を保存する").click()
    expect(page.get_by_text("1人分の出席を記録しました。")).to_be_visible()
    assert_accessible(page)
