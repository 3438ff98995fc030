"""Public pages: detail with upcoming sessions and recurrence wording, print sheet, and query budgets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from cafes.models import CareCafe
from community.demo_fiction import mark_fictional
from community.models import RecurringSchedule, Session, SignUp
from tests.cafes.conftest import (
    add_session,
    bulk_care_cafes,
    make_care_cafe,
    make_kids_cafe,
    make_lecture,
    next_weekday,
)
from tests.conftest import make_place, make_user


def schedule(listing, *, weekday=2, weeks="2,4", start=dt.time(14), end=dt.time(16), **extra):
    return RecurringSchedule.objects.create(
        listing=listing, weekday=weekday, weeks_of_month=weeks, start_time=start, end_time=end,
        valid_from=dt.date(2025, 4, 1), **extra,
    )


def test_recurrence_is_described_in_plain_japanese(organization, shakujii_place):
    cafe = make_care_cafe(organization, place=shakujii_place)

    assert schedule(cafe).describe() == "毎月第2・第4水曜 14:00–16:00"
    assert schedule(cafe, weekday=4, weeks="", start=dt.time(10), end=dt.time(11, 30)).describe() == "毎週金曜 10:00–11:30"


def test_care_detail_shows_schedule_activities_and_links_each_session_to_sign_up(client, organization, shakujii_place):
    cafe = make_care_cafe(organization, title="ふれあいカフェ", place=shakujii_place, activities=["health", "tea"],
                          fee_text="100円", signup_required=True)
    schedule(cafe)
    session = add_session(cafe, capacity=10, signup_required=True)

    response = client.get(reverse("cafes:care_detail", args=[cafe.pk]))

    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "毎月第2・第4水曜 14:00–16:00" in html
    assert "健康相談" in html and "お茶と交流" in html
    assert reverse("community:session_detail", args=[session.pk]) in html
    assert "必要・残り10人" in html


def test_full_session_says_waitlist_is_possible(client, organization, shakujii_place):
    cafe = make_care_cafe(organization, place=shakujii_place)
    session = add_session(cafe, capacity=1, signup_required=True)
    SignUp.objects.create(session=session, name="先着さん", status=SignUp.Status.CONFIRMED)

    response = client.get(reverse("cafes:care_detail", args=[cafe.pk]))

    assert "満席（キャンセル待ちできます）" in response.content.decode()


def test_shop_cafe_shows_partner_shop_and_travelling_cafe_each_visit(client, organization, shakujii_place, nerima_place):
    shop = make_care_cafe(organization, title="薬局カフェ", cafe_type="shop", partner_shop="ふじ薬局 石神井店",
                          place=shakujii_place)
    travelling = make_care_cafe(organization, title="出張", cafe_type="travelling")
    add_session(travelling, weekday=1, place=nerima_place)
    add_session(travelling, weekday=3, place=shakujii_place)

    assert "ふじ薬局 石神井店" in client.get(reverse("cafes:care_detail", args=[shop.pk])).content.decode()
    html = client.get(reverse("cafes:care_detail", args=[travelling.pk])).content.decode()
    assert "桜台地区区民館（練馬・桜台）" in html
    assert "石神井公園区民交流センター（石神井・石神井町）" in html


def test_only_a_cafe_the_demo_made_up_says_it_is_fiction(client, organization, shakujii_place):
    real_care, made_up_care = make_care_cafe(organization, title="本物"), make_care_cafe(organization, title="架空")
    real_kids = make_kids_cafe(organization, title="本物のこども", place=shakujii_place)
    made_up_kids = make_kids_cafe(organization, title="架空のこども", place=shakujii_place)
    mark_fictional(made_up_care, made_up_kids)

    notice = "これはデモ用の架空の掲載です。"
    assertContains(client.get(reverse("cafes:care_detail", args=[made_up_care.pk])), notice)
    assertContains(client.get(reverse("cafes:kids_detail", args=[made_up_kids.pk])), notice)
    assert notice not in client.get(reverse("cafes:care_detail", args=[real_care.pk])).content.decode()
    assert notice not in client.get(reverse("cafes:kids_detail", args=[real_kids.pk])).content.decode()


def test_unpublished_cafe_detail_is_404(client, organization):
    cafe = make_care_cafe(organization, status="draft")

    assert client.get(reverse("cafes:care_detail", args=[cafe.pk])).status_code == 404


def test_kids_detail_lists_lectures_with_topic_and_lecturer(client, organization, childcare_organization, shakujii_place):
    cafe = make_kids_cafe(organization, place=shakujii_place, age_min=0, age_max=2, stroller_ok=True)
    lecture = make_lecture(childcare_organization, cafe, title="離乳食のおはなし", lecturer="栄養士 山田")
    session = add_session(lecture, capacity=5, signup_required=True)

    html = client.get(reverse("cafes:kids_detail", args=[cafe.pk])).content.decode()

    assert "離乳食のおはなし" in html and "テスト保育園" in html and "栄養士 山田" in html
    assert "0〜2歳" in html and "そのまま入れます" in html
    assert reverse("community:session_detail", args=[session.pk]) in html


def test_print_sheet_groups_the_months_sessions_by_weekday(client, organization, shakujii_place, nerima_place):
    wednesday = make_care_cafe(organization, title="水曜カフェ", place=shakujii_place, fee_text="無料")
    friday = make_care_cafe(organization, title="金曜カフェ", place=shakujii_place)
    make_care_cafe(organization, title="練馬のカフェ", place=nerima_place)
    first_wed = next_weekday(2)
    month = first_wed.replace(day=1)
    for cafe, weekday in ((wednesday, 2), (friday, 4)):
        for week in range(5):
            day = next_weekday(weekday, weeks_ahead=week)
            if day.month == month.month:
                add_session(cafe, weekday=weekday, weeks_ahead=week)

    response = client.get(reverse("cafes:print_month", args=["shakujii"]), {"month": month.strftime("%Y-%m")})

    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert f"{month.year}年{month.month}月の街かどケアカフェ（石神井地域）" in html
    assert html.index("水曜日") < html.index("水曜カフェ")
    assert f"{first_wed.day}日" in html
    assert "練馬のカフェ" not in html
    assert "css/cafes.css" in html  # carries the @media print rules for A4


def test_print_sheet_rejects_a_malformed_month(client):
    assert client.get(reverse("cafes:print_month", args=["shakujii"]), {"month": "2026-13"}).status_code == 404
    assert client.get(reverse("cafes:print_month", args=["nowhere"])).status_code == 404


# --- query budgets ----------------------------------------------------------------------------

# Expected queries on the finder page (anonymous visitor, filtered by area and weekday):
#   1 area value lookup (form validation)
#   for the answer, not cached here (the count and the page's ids, cached per search): 2 when the ward's soonest
#   coming session starts (until then the answer holds)  3 count of cafés with a matching session (the paginator)
#   4 the first matching sessions in start order (an index; as many rows as the page needs, not all)
#   5 which of those sessions' cafés pass the café filters (ids: a cached card needs nothing more)
#   for the cards not cached (all of them here, the caches are empty): 6 their cafés with operator and place
#   7 activities prefetch  8 the featured sessions with venue (in_bulk)
#   9 area <select> options  10 town <select> options  11 area links to the print sheets
LIST_BUDGET = 11


@pytest.mark.parametrize("count,sessions_each", [(10, 2), (1000, 20)])
def test_care_finder_query_budget(client, organization, django_assert_max_num_queries, count, sessions_each):
    places = [make_place("石神井A", town="石神井町", number=1), make_place("桜台B", town="桜台", number=2)]
    bulk_care_cafes(organization, places, count=count, sessions_each=sessions_each)
    assert Session.objects.count() == count * sessions_each

    with django_assert_max_num_queries(LIST_BUDGET):
        response = client.get(reverse("cafes:index"), {"area": "shakujii", "weekday": "2"})

    assertContains(response, "一括カフェ0000")
    assert len(response.context["cafes"]) == min(count // 2, 20)
    assert all(cafe.next_session for cafe in response.context["cafes"])


# Expected queries on the detail page: 1 the café with operator, place/area and demo fiction  2 the first coming
# session's id (the key of the page's cached body); for the body, not cached here: 3 activities  4 schedules
# 5 schedule places  6 upcoming sessions with venue and confirmed head-count
DETAIL_BUDGET = 6


@pytest.mark.parametrize("sessions_count", [10, 1000])
def test_care_detail_query_budget(client, organization, shakujii_place, django_assert_max_num_queries, sessions_count):
    cafe = make_care_cafe(organization, place=shakujii_place, activities=["health", "tea", "exercise"])
    schedule(cafe, place=shakujii_place)
    schedule(cafe, weekday=4, weeks="")
    start = timezone.now() + dt.timedelta(days=1)
    sessions = Session.objects.bulk_create([
        Session(listing=cafe, starts_at=start + dt.timedelta(days=n), ends_at=start + dt.timedelta(days=n, hours=2),
                capacity=10, signup_required=True, place=shakujii_place if n % 2 else None)
        for n in range(sessions_count)
    ])
    user = make_user("p@example.jp")
    SignUp.objects.create(session=sessions[0], user=user, name="参加者", status=SignUp.Status.CONFIRMED)
    mark_fictional(cafe)

    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = client.get(reverse("cafes:care_detail", args=[cafe.pk]))

    assertContains(response, cafe.title)
    assertContains(response, "これはデモ用の架空の掲載です。")
    assert len(response.context["body"].sessions) == min(sessions_count, 12)


# Kids finder (area only): 1 area value lookup  for the answer, not cached: 2 when the ward's soonest coming session
# starts  3 count (own place in the area, or a visit or lecture held there)  4 the first matching sessions in start
# order  5 which of their cafés pass (ids)  for the cards not cached: 6 their cafés  7 next sessions with venue;
# 8 area options
@pytest.mark.parametrize("count", [10, 100])
def test_kids_finder_query_budget(client, organization, childcare_organization, shakujii_place,
                                  django_assert_max_num_queries, count):
    for n in range(count):
        cafe = make_kids_cafe(organization, title=f"こども{n}", place=shakujii_place)
        add_session(cafe, weekday=n % 7)
    make_lecture(childcare_organization, cafe)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("cafes:kids_index"), {"area": "shakujii"})

    assertContains(response, response.context["cafes"][0].title)


# Kids detail: 1 café (with demo fiction)  2 its published lectures' ids  3 the first coming session of the café or
# its lectures (the key of the cached body); for the body, not cached here: 4 schedules  5 lectures with their
# organizations  6 lecture sessions  7 café sessions
def test_kids_detail_query_budget(client, organization, childcare_organization, shakujii_place,
                                  django_assert_max_num_queries):
    cafe = make_kids_cafe(organization, place=shakujii_place)
    for n in range(10):
        add_session(make_lecture(childcare_organization, cafe, title=f"講座{n}"), weekday=n % 7)
        add_session(cafe, weekday=n % 7, weeks_ahead=n)
    mark_fictional(cafe)

    with django_assert_max_num_queries(7):
        response = client.get(reverse("cafes:kids_detail", args=[cafe.pk]))

    assertContains(response, cafe.title)
    assertContains(response, "これはデモ用の架空の掲載です。")
    assertContains(response, "講座9")
    assert len(response.context["body"].lecture_sessions) == 10


# Print sheet: 1 area  2 sessions with café, operator and places  3 area links
def test_print_sheet_query_budget(client, organization, django_assert_max_num_queries):
    places = [make_place("石神井A", town="石神井町", number=1)]
    bulk_care_cafes(organization, places, count=200, sessions_each=5)

    with django_assert_max_num_queries(3):
        response = client.get(reverse("cafes:print_month", args=["shakujii"]))

    assertContains(response, "の街かどケアカフェ（石神井地域）")
    assert CareCafe.objects.count() == 200


@pytest.mark.parametrize(("today", "month"), [
    (dt.date(2026, 5, 10), dt.date(2026, 5, 1)),
    (dt.date(2026, 5, 24), dt.date(2026, 5, 1)),  # a week before the end: still this month
    (dt.date(2026, 5, 25), dt.date(2026, 6, 1)),  # the last seven days: next month's sheet
    (dt.date(2026, 12, 25), dt.date(2027, 1, 1)),
])
def test_print_sheet_defaults_to_this_month_or_next_in_the_last_week(client, time_machine, today, month):
    # 00:30 in Tokyo, when the UTC date is still the day before.
    time_machine.move_to(dt.datetime.combine(today, dt.time(0, 30), tzinfo=ZoneInfo("Asia/Tokyo")), tick=False)
    response = client.get(reverse("cafes:print_month", args=["oizumi"]))
    assert response.status_code == 200
    assert response.context["month"] == month
