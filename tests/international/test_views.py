"""Pages of 外国人の方へ: content, language, fallbacks, permissions and query budgets."""

import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.demo_fiction import mark_fictional
from community.models import PublicationStatus
from international.models import ExchangeEvent, JapaneseClass, LandingSection
from tests.conftest import make_place, make_session
from tests.international.conftest import bulk_create_listings, make_class, make_desk, make_event, translate

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def in_language(client, code):
    client.cookies["django_language"] = code
    return client


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("ja", "外国人の方へ"),
        ("en", "For foreign residents"),
        ("zh-hans", "致外国居民"),
        ("ko", "외국인 주민 여러분께"),
        ("tl", "Para sa mga dayuhang residente"),
    ],
)
def test_landing_page_speaks_each_language(client, code, heading):
    LandingSection.objects.create(slug="welcome", heading_ja="ようこそ", body_ja="本文", heading_en="Welcome")
    response = in_language(client, code).get(reverse("international:index"))
    assert response.status_code == 200
    assert html_lang(response) == code
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_missing_translation_shows_the_japanese_marked_and_noted(client, organization):
    japanese_class = make_class(organization, title="ひかり日本語教室", description="毎週土曜に開きます。")
    translate(japanese_class, title_en="Hikari Japanese Class")
    page = in_language(client, "en").get(japanese_class.get_absolute_url()).content.decode()
    assert "<h1>Hikari Japanese Class</h1>" in page
    assert '<div lang="ja"><p>毎週土曜に開きます。</p></div>' in page
    assert "This content is only available in Japanese" in page


def test_fully_translated_class_has_no_japanese_only_note(client, organization):
    japanese_class = make_class(organization, title="ひかり日本語教室", description="毎週土曜に開きます。")
    translate(japanese_class, title_tl="Klase ng Hapon", description_tl="Bukas tuwing Sabado.")
    page = in_language(client, "tl").get(japanese_class.get_absolute_url()).content.decode()
    assert "<h1>Klase ng Hapon</h1>" in page
    assert "Bukas tuwing Sabado." in page
    assert "notice--ja-only" not in page


def test_class_detail_lists_upcoming_sessions_linking_to_sign_up(client, organization):
    japanese_class = make_class(organization)
    session = make_session(japanese_class, days=5)
    make_session(japanese_class, days=-3)
    page = client.get(japanese_class.get_absolute_url()).content.decode()
    assert reverse("community:session_detail", args=[session.pk]) in page
    assert page.count('class="list__item"') == 1


def test_unpublished_class_and_event_are_not_found(client, organization):
    draft = make_class(organization, status=PublicationStatus.DRAFT)
    pending = make_event(organization, status=PublicationStatus.PENDING)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_inactive_desk_is_not_found(client):
    desk = make_desk(is_active=False)
    assert client.get(desk.get_absolute_url()).status_code == 404


def test_desk_page_shows_which_language_on_which_day(client):
    desk = make_desk()
    page = client.get(desk.get_absolute_url()).content.decode()
    assert '<th scope="row">タガログ語 <span lang="tl">（Tagalog）</span></th>' in page
    assert re.search(r"タガログ語.*?</th>\s*<td>月曜</td>", page, re.S)
    assert re.search(r"韓国語.*?</th>\s*<td>金曜</td>", page, re.S)
    assert "子育て支援、社会保障、生活全般" in page


def test_finder_filters_by_children_weekday_area_and_level(client, organization):
    place = make_place("光が丘の会場", town="光が丘", number=2)
    wanted = make_class(organization, title="こども教室", learners="children", level="intro", place=place)
    session = make_session(wanted, days=2)
    make_session(make_class(organization, title="大人の教室", learners="adults", level="intro", place=place), days=2)
    weekday = session.starts_at.astimezone(ZoneInfo("Asia/Tokyo")).weekday()
    response = client.get(
        reverse("international:class_list"),
        {"learners": "children", "weekday": weekday, "area": place.chome.town.area_id, "level": "intro"},
    )
    assert [c.pk for c in response.context["classes"]] == [wanted.pk]
    assert 'value="children" selected' in response.content.decode()


def test_finder_with_a_bad_choice_shows_an_error_and_keeps_the_form(client, organization):
    make_class(organization)
    response = client.get(reverse("international:class_list"), {"level": "nonsense"})
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


def test_event_list_invites_japanese_and_foreign_residents(client, organization):
    event = make_event(organization, title="ワールドフェスティバル")
    make_session(event, days=30)
    page = client.get(reverse("international:event_list")).content.decode()
    assert "日本人の方も、外国人の方も" in page
    assert "ワールドフェスティバル" in page


def _many_classes(organization, count):
    bulk_create_listings(JapaneseClass, organization, count, place=make_place(), level="beginner", learners="children")


@pytest.mark.parametrize("count", [10, 1000])
def test_class_list_query_budget(client, organization, django_assert_max_num_queries, count):
    _many_classes(organization, count)
    mark_fictional(*JapaneseClass.objects.order_by("pk")[::2])
    # 1 count for the paginator + 1 the ids of one page; for the cards not cached (all, here): 1 those classes with
    # place, area, organization, translation, next session and demo fiction (subqueries) joined; + 1 areas for the
    # filter form
    with django_assert_max_num_queries(4):
        response = client.get(reverse("international:class_list"), {"learners": "children"})
    assertContains(response, response.context["classes"][0].title)
    assert len(response.context["classes"]) == min(count, 20)
    assert_demo_tags_match(response, response.context["classes"])


def assert_demo_tags_match(response, rows):
    """Each card the demo made up carries the 「デモ」 tag, and only those."""
    made_up = sum(row.is_fictional for row in rows)
    assert 0 < made_up < len(rows)
    assert response.content.decode().count('<li class="tag">デモ</li>') == made_up


@pytest.mark.parametrize("count", [10, 1000])
def test_landing_query_budget(client, organization, django_assert_max_num_queries, count):
    _many_classes(organization, count)
    make_desk()
    # landing sections + children's classes + adults' classes + desks + desk language days + events
    with django_assert_max_num_queries(6):
        response = client.get(reverse("international:index"))
    assertContains(response, "練馬区 外国語相談")  # the desk


def test_detail_pages_query_budgets(client, organization, django_assert_max_num_queries):
    japanese_class = make_class(organization, place=make_place())
    event = make_event(organization)
    for days in range(1, 11):
        make_session(japanese_class, days=days)
        make_session(event, days=days)
    desk = make_desk()
    # class (joined) + the first coming session's id (the key of the cached body); for the body, not cached here:
    # upcoming sessions with their places + schedules
    with django_assert_max_num_queries(4):
        response = client.get(japanese_class.get_absolute_url())
    assertContains(response, "テスト日本語教室")
    assert len(response.context["class"].upcoming_sessions) == 10
    # event (joined) + upcoming sessions with their places
    with django_assert_max_num_queries(2):
        response = client.get(event.get_absolute_url())
    assertContains(response, "テスト交流会")
    assert len(response.context["event"].upcoming_sessions) == 10
    # desk (joined) + language days
    with django_assert_max_num_queries(2):
        response = client.get(desk.get_absolute_url())
    assertContains(response, "練馬区 外国語相談")


@pytest.mark.parametrize("count", [10, 1000])
def test_event_list_query_budget(client, organization, django_assert_max_num_queries, count):
    bulk_create_listings(ExchangeEvent, organization, count, category="lecture")
    mark_fictional(*ExchangeEvent.objects.order_by("pk")[::2])
    # 1 count + 1 page of events with place, translation, next session and demo fiction joined
    with django_assert_max_num_queries(2):
        response = client.get(reverse("international:event_list"))
    assertContains(response, response.context["events"][0].title)
    assert len(response.context["events"]) == min(count, 20)
    assert_demo_tags_match(response, response.context["events"])


def test_a_class_or_event_the_demo_made_up_says_so_on_its_page_and_a_real_one_does_not(client, organization):
    made_up_class, real_class = make_class(organization, title="架空の教室"), make_class(organization, title="本物の教室")
    made_up_event, real_event = make_event(organization, title="架空の催し"), make_event(organization, title="本物の催し")
    mark_fictional(made_up_class, made_up_event)

    assertContains(client.get(made_up_class.get_absolute_url()), "これはデモ用の架空の教室です。")
    assertContains(client.get(made_up_event.get_absolute_url()), "これはデモ用の架空の催しです。")
    assert "デモ用の架空" not in client.get(real_class.get_absolute_url()).content.decode()
    assert "デモ用の架空" not in client.get(real_event.get_absolute_url()).content.decode()
