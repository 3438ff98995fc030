"""Journey: a volunteer records the hours of an activity, the organization confirms them; an association records
what came of a join inquiry. axe on every page."""

from django.utils import timezone
from playwright.sync_api import expect

from tests.volunteers.factories_college import make_opening
from volunteers.models import JoinInquiry, OpeningApplication, VolunteerHours
from volunteers.services.associations import join_inquiry_create


def test_hours_reported_then_confirmed(page, live_server, login_as, assert_accessible, organization, org_member, resident):
    opening = make_opening(organization, title="配膳の手伝い")
    OpeningApplication.objects.create(opening=opening, user=resident, message="やります", status="accepted",
                                      decided_at=timezone.now())
    login_as(page, resident)
    page.goto(f"{live_server.url}/mypage/")
    page.get_by_role("link", name="ボランティアの活動時間").click()
    assert_accessible(page)
    page.locator("#id_activity").select_option(label=f"{organization.name}：配膳の手伝い")
    page.get_by_label("活動した日").fill(timezone.localdate().isoformat())
    page.get_by_label("活動時間（時間）").fill("1.5")
    page.get_by_role("button", name="記録する").click()
    expect(page.get_by_text("活動時間を記録しました。")).to_be_visible()
    assert_accessible(page)

    login_as(page, org_member)
    page.goto(f"{live_server.url}/volunteers/my/organizations/{organization.pk}/hours/")
    assert_accessible(page)
    page.get_by_role("button", name="確認する").click()
    expect(page.get_by_text("確認済みにしました。")).to_be_visible()
    assert VolunteerHours.objects.get().status == "confirmed"


def test_an_association_records_the_outcome_of_an_inquiry(page, live_server, login_as, assert_accessible, organization,
                                                           org_member):
    join_inquiry_create(association=organization, name="転入 花子", email="h@example.jp", message="加入したいです")
    login_as(page, org_member)
    page.goto(f"{live_server.url}/volunteers/my/{organization.pk}/inquiries/")
    assert_accessible(page)
    page.get_by_label("転入 花子さんの問い合わせの結果").select_option(label="加入した")
    page.get_by_role("button", name="結果を保存").click()
    expect(page.get_by_text("「加入した」にしました")).to_be_visible()
    assert_accessible(page)
    assert JoinInquiry.objects.get().outcome == "joined"
