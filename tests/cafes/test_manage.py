"""マイ団体: operators edit their own cafés, lectures and schedules; other organizations get 404 everywhere."""

import datetime as dt

import pytest
from django.urls import reverse

from cafes.models import CareCafe, ChildcareLecture
from community.models import PublicationStatus, RecurringSchedule, Session
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe, make_lecture


@pytest.fixture
def cafe(organization, shakujii_place):
    return make_care_cafe(organization, title="うちのカフェ", place=shakujii_place, status=PublicationStatus.DRAFT)


@pytest.fixture
def cafe_schedule(cafe):
    return RecurringSchedule.objects.create(
        listing=cafe, weekday=2, weeks_of_month="2,4", start_time=dt.time(14), end_time=dt.time(16),
        valid_from=dt.date(2025, 4, 1),
    )


def own_urls(cafe, schedule):
    return [
        ("get", reverse("cafes:manage_edit", args=["care", cafe.pk])),
        ("post", reverse("cafes:manage_edit", args=["care", cafe.pk])),
        ("post", reverse("cafes:manage_submit", args=["care", cafe.pk])),
        ("get", reverse("cafes:manage_schedules", args=["care", cafe.pk])),
        ("post", reverse("cafes:manage_schedules", args=["care", cafe.pk])),
        ("post", reverse("cafes:manage_schedule_delete", args=["care", cafe.pk, schedule.pk])),
    ]


def test_member_of_another_organization_gets_404_on_every_cafe_url(client, other_org_member, cafe, cafe_schedule):
    client.force_login(other_org_member)

    for method, url in own_urls(cafe, cafe_schedule):
        assert getattr(client, method)(url).status_code == 404, url

    cafe.refresh_from_db()
    assert cafe.status == PublicationStatus.DRAFT and cafe.title == "うちのカフェ"
    assert RecurringSchedule.objects.filter(pk=cafe_schedule.pk).exists()


def test_lecture_and_kids_urls_are_404_for_other_organizations(client, other_org_member, organization,
                                                               childcare_organization):
    kids = make_kids_cafe(organization)
    lecture = make_lecture(childcare_organization, kids)
    client.force_login(other_org_member)

    for kind, pk in (("kids", kids.pk), ("lecture", lecture.pk), ("care", kids.pk)):
        assert client.get(reverse("cafes:manage_edit", args=[kind, pk])).status_code == 404
        assert client.get(reverse("cafes:manage_schedules", args=[kind, pk])).status_code == 404


def test_schedule_of_another_listing_is_404_even_with_own_listing(client, org_member, organization, cafe,
                                                                  other_organization):
    theirs = make_care_cafe(other_organization, title="よそ")
    their_schedule = RecurringSchedule.objects.create(
        listing=theirs, weekday=1, start_time=dt.time(10), end_time=dt.time(11), valid_from=dt.date(2025, 4, 1)
    )
    client.force_login(org_member)

    url = reverse("cafes:manage_schedule_delete", args=["care", cafe.pk, their_schedule.pk])
    assert client.post(url).status_code == 404
    assert RecurringSchedule.objects.filter(pk=their_schedule.pk).exists()


def test_anonymous_visitor_is_sent_to_login(client, cafe):
    response = client.get(reverse("cafes:manage_edit", args=["care", cafe.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_kind_is_404(client, org_member, cafe):
    client.force_login(org_member)
    assert client.get(reverse("cafes:manage_edit", args=["plaza", cafe.pk])).status_code == 404


def test_my_list_shows_only_my_organizations_cafes(client, org_member, cafe, other_organization):
    make_care_cafe(other_organization, title="よそのカフェ")
    client.force_login(org_member)

    html = client.get(reverse("cafes:manage_list")).content.decode()

    assert "うちのカフェ" in html and "よそのカフェ" not in html


def care_form(organization=None, **overrides):
    data = {
        "title": "新しいカフェ", "title_kana": "あたらしいかふぇ", "cafe_type": "gathering", "partner_shop": "",
        "summary": "", "description": "", "place": "", "activities": [], "audience": "", "fee_text": "無料",
        "is_free": "on", "contact_text": "", "photo_alt": "",
    }
    if organization is not None:
        data["organization"] = organization.pk
    data.update(overrides)
    return data


def test_member_creates_a_draft_cafe_for_their_organization(client, org_member, organization):
    client.force_login(org_member)

    response = client.post(reverse("cafes:manage_create", args=["care"]), care_form(organization))

    cafe = CareCafe.objects.get(title="新しいカフェ")
    assert cafe.organization == organization and cafe.status == PublicationStatus.DRAFT
    assert response["Location"] == reverse("cafes:manage_schedules", args=["care", cafe.pk])


def test_cannot_create_a_cafe_for_another_organization(client, org_member, other_organization):
    client.force_login(org_member)

    response = client.post(reverse("cafes:manage_create", args=["care"]), care_form(other_organization))

    assert response.status_code == 200
    assert "あなたが所属する団体から選んでください。" in response.content.decode()
    assert not CareCafe.objects.exists()


def test_shop_type_needs_partner_shop_and_keeps_what_was_typed(client, org_member, organization):
    client.force_login(org_member)

    response = client.post(reverse("cafes:manage_create", args=["care"]),
                           care_form(organization, cafe_type="shop", title="薬局のカフェ"))

    html = response.content.decode()
    assert "連携している店舗名を入力してください" in html
    assert 'value="薬局のカフェ"' in html
    assert not CareCafe.objects.exists()


def test_edit_keeps_public_cafe_public_and_records_history(client, org_member, organization, shakujii_place):
    cafe = make_care_cafe(organization, title="公開中", place=shakujii_place)
    client.force_login(org_member)

    client.post(reverse("cafes:manage_edit", args=["care", cafe.pk]), care_form(title="公開中（改名）"))

    cafe.refresh_from_db()
    assert cafe.title == "公開中（改名）" and cafe.status == PublicationStatus.PUBLISHED
    assert cafe.history.count() >= 2


def test_submit_sends_draft_for_review(client, org_member, cafe):
    client.force_login(org_member)

    client.post(reverse("cafes:manage_submit", args=["care", cafe.pk]))

    cafe.refresh_from_db()
    assert cafe.status == PublicationStatus.PENDING


def test_adding_a_schedule_generates_three_months_of_sessions(client, org_member, cafe, shakujii_place):
    client.force_login(org_member)
    data = {"weekday": "2", "weeks_of_month": "2,4", "start_time": "14:00", "end_time": "16:00",
            "valid_from": "2025-04-01", "valid_until": "", "skip_holidays": "on", "place": "", "capacity": "",
            "fee_text": ""}

    client.post(reverse("cafes:manage_schedules", args=["care", cafe.pk]), data)

    schedule = cafe.schedules.get()
    assert schedule.describe() == "毎月第2・第4水曜 14:00–16:00"
    sessions = Session.objects.filter(schedule=schedule)
    assert 4 <= sessions.count() <= 7
    assert all(s.starts_at.astimezone(dt.timezone(dt.timedelta(hours=9))).weekday() == 2 for s in sessions)


def test_schedule_form_errors_next_to_field(client, org_member, cafe):
    client.force_login(org_member)
    data = {"weekday": "2", "weeks_of_month": "6", "start_time": "16:00", "end_time": "14:00",
            "valid_from": "2025-04-01"}

    response = client.post(reverse("cafes:manage_schedules", args=["care", cafe.pk]), data)

    html = response.content.decode()
    assert "終了時刻は開始時刻より後にしてください。" in html
    assert not cafe.schedules.exists()


def test_removing_a_schedule_keeps_sessions_with_sign_ups(client, org_member, cafe, cafe_schedule):
    from community.models import SignUp

    kept = add_session(cafe, schedule=cafe_schedule)
    add_session(cafe, schedule=cafe_schedule, weeks_ahead=1)
    SignUp.objects.create(session=kept, name="参加者", status=SignUp.Status.CONFIRMED)
    client.force_login(org_member)

    client.post(reverse("cafes:manage_schedule_delete", args=["care", cafe.pk, cafe_schedule.pk]))

    assert list(Session.objects.filter(listing=cafe)) == [kept]


def test_lectures_only_for_childcare_organizations(client, org_member, organization, childcare_organization):
    from community.models import Membership

    client.force_login(org_member)
    assert client.get(reverse("cafes:manage_create", args=["lecture"])).status_code == 404

    Membership.objects.create(organization=childcare_organization, user=org_member)
    kids = make_kids_cafe(organization)
    response = client.post(reverse("cafes:manage_create", args=["lecture"]), {
        "organization": childcare_organization.pk, "title": "歯みがき講座", "title_kana": "はみがきこうざ",
        "kids_cafe": kids.pk, "topic": "teeth", "lecturer": "", "summary": "", "description": "", "audience": "",
        "fee_text": "", "contact_text": "",
    })

    assert response.status_code == 302
    lecture = ChildcareLecture.objects.get()
    assert lecture.organization == childcare_organization and lecture.kids_cafe == kids


@pytest.mark.parametrize("name,args", [
    ("cafes:manage_list", []), ("cafes:manage_create", ["care"]), ("cafes:manage_create", ["kids"]),
    ("cafes:manage_edit", ["care", None]), ("cafes:manage_schedules", ["care", None]),
])
def test_own_pages_open_with_one_h1(client, org_member, cafe, cafe_schedule, name, args):
    client.force_login(org_member)
    response = client.get(reverse(name, args=[cafe.pk if a is None else a for a in args]))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
