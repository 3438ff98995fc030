"""Every finder filter alone and in combination; weekday and time come from sessions, not text."""

from django.urls import reverse

from cafes.models import CareCafe
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe, make_lecture
from tests.conftest import make_place

WED, THU = 2, 3


def titles(client, url_name="cafes:index", **params):
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return [cafe.title for cafe in response.context["cafes"]]


def test_weekday_uses_generated_sessions_not_schedule_text(client, organization, shakujii_place):
    wednesday = make_care_cafe(organization, title="水曜のカフェ", place=shakujii_place, summary="毎週木曜")
    thursday = make_care_cafe(organization, title="木曜のカフェ", place=shakujii_place, summary="毎週水曜")
    add_session(wednesday, weekday=WED)
    add_session(thursday, weekday=THU)

    assert titles(client, weekday=str(WED)) == ["水曜のカフェ"]
    # Either may come first: the list runs by next date, and on a Wednesday next Thursday is sooner.
    assert sorted(titles(client, weekday=[str(WED), str(THU)])) == ["木曜のカフェ", "水曜のカフェ"]


def test_weekday_is_computed_in_tokyo_even_near_midnight(client, organization, shakujii_place):
    # 00:30 on a Thursday in Tokyo is still Wednesday in UTC.
    late = make_care_cafe(organization, title="深夜のカフェ", place=shakujii_place)
    add_session(late, weekday=THU, hour=0)

    assert titles(client, weekday=str(THU)) == ["深夜のカフェ"]
    assert titles(client, weekday=str(WED)) == []


def test_cancelled_and_past_sessions_do_not_count(client, organization, shakujii_place):
    cafe = make_care_cafe(organization, place=shakujii_place)
    add_session(cafe, weekday=WED, is_cancelled=True)

    assert titles(client, weekday=str(WED)) == []


def test_time_of_day_morning_and_afternoon(client, organization, shakujii_place):
    morning = make_care_cafe(organization, title="午前", title_kana="あ", place=shakujii_place)
    afternoon = make_care_cafe(organization, title="午後", title_kana="い", place=shakujii_place)
    add_session(morning, hour=10)
    add_session(afternoon, hour=13)

    assert titles(client, time_of_day="am") == ["午前"]
    assert titles(client, time_of_day="pm") == ["午後"]


def test_area_and_town(client, organization, shakujii_place, nerima_place):
    make_care_cafe(organization, title="石神井", title_kana="あ", place=shakujii_place)
    make_care_cafe(organization, title="桜台", title_kana="い", place=nerima_place)
    kamishakujii = make_place("上石神井の集会所", town="上石神井", number=1)
    make_care_cafe(organization, title="上石神井", title_kana="う", place=kamishakujii)

    assert titles(client, area="shakujii", sort="kana") == ["石神井", "上石神井"]
    assert titles(client, area="nerima") == ["桜台"]
    town = shakujii_place.chome.town
    assert titles(client, town=town.pk) == ["石神井"]


def test_travelling_cafe_appears_where_it_visits_on_that_visits_day(client, organization, shakujii_place, nerima_place):
    travelling = make_care_cafe(organization, title="出張カフェ", cafe_type=CareCafe.CafeType.TRAVELLING)
    add_session(travelling, weekday=WED, hour=14, place=nerima_place)
    add_session(travelling, weekday=THU, hour=14, place=shakujii_place)

    assert titles(client, area="shakujii") == ["出張カフェ"]
    assert titles(client, area="nerima") == ["出張カフェ"]
    # Wednesday is in 練馬 and the 石神井 visit is on Thursday: no Wednesday in 石神井.
    assert titles(client, area="shakujii", weekday=str(WED)) == []
    assert titles(client, area="shakujii", weekday=str(THU), time_of_day="pm") == ["出張カフェ"]


def test_card_shows_the_next_matching_visit_and_its_place(client, organization, shakujii_place, nerima_place):
    travelling = make_care_cafe(organization, title="出張カフェ", cafe_type=CareCafe.CafeType.TRAVELLING)
    add_session(travelling, weekday=WED, place=nerima_place)
    thursday_visit = add_session(travelling, weekday=THU, place=shakujii_place)

    response = client.get(reverse("cafes:index"), {"area": "shakujii"})

    [card] = response.context["cafes"]
    assert card.next_session == thursday_visit
    assert "石神井公園区民交流センター" in response.content.decode()


def test_type_free_no_signup_and_barrier_free(client, organization, shakujii_place, nerima_place):
    make_care_cafe(organization, title="薬局", title_kana="あ", cafe_type="shop", partner_shop="ふじ薬局",
                   place=nerima_place, is_free=True, signup_required=True)
    make_care_cafe(organization, title="集いの場", title_kana="い", place=shakujii_place, is_free=False)

    assert titles(client, cafe_type="shop") == ["薬局"]
    assert titles(client, free="on") == ["薬局"]
    assert titles(client, no_signup="on") == ["集いの場"]
    assert titles(client, barrier_free="on") == ["集いの場"]
    assert titles(client, free="on", no_signup="on") == []


def test_barrier_free_judges_the_visited_venue(client, organization, shakujii_place, nerima_place):
    travelling = make_care_cafe(organization, title="出張", cafe_type="travelling")
    add_session(travelling, weekday=WED, place=nerima_place)  # not barrier-free
    add_session(travelling, weekday=THU, place=shakujii_place)  # barrier-free

    assert titles(client, barrier_free="on", weekday=str(THU)) == ["出張"]
    assert titles(client, barrier_free="on", weekday=str(WED)) == []


def test_sort_by_next_date_or_reading(client, organization, shakujii_place):
    later = make_care_cafe(organization, title="あとの", title_kana="あとの", place=shakujii_place)
    sooner = make_care_cafe(organization, title="さきの", title_kana="さきの", place=shakujii_place)
    make_care_cafe(organization, title="未定の", title_kana="いまだ", place=shakujii_place)
    add_session(later, weeks_ahead=2)
    add_session(sooner, weeks_ahead=0)

    assert titles(client) == ["さきの", "あとの", "未定の"]
    assert titles(client, sort="kana") == ["あとの", "未定の", "さきの"]


def test_unpublished_cafes_are_never_listed(client, organization, shakujii_place):
    make_care_cafe(organization, title="下書き", place=shakujii_place, status="draft")

    assert titles(client) == []


def test_invalid_input_shows_errors_and_all_cafes(client, organization, shakujii_place):
    make_care_cafe(organization, title="ある", place=shakujii_place)

    response = client.get(reverse("cafes:index"), {"area": "nowhere"})

    assert [c.title for c in response.context["cafes"]] == ["ある"]
    assert response.context["filter"].errors


def test_kids_filters_age_area_weekday_and_lecture_topic(client, organization, childcare_organization,
                                                         shakujii_place, nerima_place):
    babies = make_kids_cafe(organization, title="赤ちゃん", title_kana="あ", place=shakujii_place, age_min=0, age_max=1)
    toddlers = make_kids_cafe(organization, title="幼児", title_kana="い", place=nerima_place, age_min=2, age_max=4)
    add_session(babies, weekday=WED)
    lecture = make_lecture(childcare_organization, toddlers, topic="books")
    add_session(lecture, weekday=THU)

    assert titles(client, "cafes:kids_index", age="1") == ["赤ちゃん"]
    assert titles(client, "cafes:kids_index", age="3") == ["幼児"]
    assert titles(client, "cafes:kids_index", area="nerima") == ["幼児"]
    assert titles(client, "cafes:kids_index", weekday=str(WED)) == ["赤ちゃん"]
    # A lecture held at the café counts for its weekday and topic.
    assert titles(client, "cafes:kids_index", weekday=str(THU)) == ["幼児"]
    assert titles(client, "cafes:kids_index", topic="books") == ["幼児"]
    assert titles(client, "cafes:kids_index", topic="weaning") == []
    assert titles(client, "cafes:kids_index", topic="books", weekday=str(WED)) == []


def test_filter_url_can_be_shared_and_pagination_keeps_it(client, organization, shakujii_place, settings):
    settings.PAGE_SIZE = 2
    for n in range(3):
        add_session(make_care_cafe(organization, title=f"カフェ{n}", title_kana=f"か{n}", place=shakujii_place))

    response = client.get(reverse("cafes:index"), {"area": "shakujii", "sort": "kana"})

    html = response.content.decode()
    assert 'name="area"' in html and 'method="get"' in html
    assert "?area=shakujii&amp;sort=kana&amp;page=2" in html
    page2 = client.get(reverse("cafes:index"), {"area": "shakujii", "sort": "kana", "page": 2})
    assert [c.title for c in page2.context["cafes"]] == ["カフェ2"]


def test_each_finder_gets_its_own_filters_bound_to_itself(organization, shakujii_place):
    # The declared filters are copied one level deep per request (cafes/filters.py): no state may be shared.
    from cafes.filters import CareCafeFilter

    paid = make_care_cafe(organization, title="有料のカフェ", place=shakujii_place, is_free=False)
    free = make_care_cafe(organization, title="無料のカフェ", title_kana="むりょう", place=shakujii_place, is_free=True)
    only_free = CareCafeFilter({"free": "on"}, queryset=CareCafe.objects.published())
    everything = CareCafeFilter({}, queryset=CareCafe.objects.published())

    assert only_free.filters["free"] is not everything.filters["free"]
    assert only_free.filters["free"].parent is only_free and everything.filters["free"].parent is everything
    assert only_free.filters["free"].filter.f is only_free.filters["free"]  # its method resolves on its own finder
    assert list(only_free.qs) == [free]
    assert set(everything.qs) == {paid, free}
    assert CareCafeFilter.base_filters["free"].__dict__.get("parent") is None  # the declaration stays untouched
