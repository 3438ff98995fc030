"""「住所か町名から近い順に」: the finders order by distance from a typed address, on known coordinates."""

import json
import re

import pytest
from django.urls import reverse

from cafes.models import CareCafe
from community.geo import distance_km, locate
from community.models import Chome
from tests.cafes.conftest import add_session, bulk_care_cafes, make_care_cafe, make_kids_cafe
from tests.conftest import make_place


def _point(town, number):
    chome = Chome.objects.get(town__name=town, number=number)
    return float(chome.latitude), float(chome.longitude)


@pytest.fixture
def cafes(organization):
    """Four cafés at known points around 石神井町3丁目, one of them 出張型 (its place is the next visit's)."""
    near = make_care_cafe(organization, title="となり町のカフェ", title_kana="あ",
                          place=make_place("石神井台の集会所", town="石神井台", number=1))
    same = make_care_cafe(organization, title="同じ町のカフェ", title_kana="い",
                          place=make_place("石神井町の会館", town="石神井町", number=3, latitude="35.7440", longitude="139.6060"))
    far = make_care_cafe(organization, title="大泉のカフェ", title_kana="う",
                         place=make_place("大泉の会館", town="大泉学園町", number=8))
    visiting = make_care_cafe(organization, title="出張カフェ", title_kana="え", cafe_type=CareCafe.CafeType.TRAVELLING)
    add_session(visiting, place=make_place("下石神井の集会所", town="下石神井", number=1))
    for cafe in (near, same, far):
        add_session(cafe)
    return {"near": near, "same": same, "far": far, "visiting": visiting}


def test_cafes_are_ordered_by_distance_from_the_typed_address(client, cafes):
    response = client.get(reverse("cafes:index"), {"near": "石神井町3-5-1"})
    shown = list(response.context["cafes"])
    origin = _point("石神井町", 3)
    expected = {
        "同じ町のカフェ": distance_km(origin, (35.7440, 139.6060)),
        "となり町のカフェ": distance_km(origin, _point("石神井台", 1)),
        "大泉のカフェ": distance_km(origin, _point("大泉学園町", 8)),
        "出張カフェ": distance_km(origin, _point("下石神井", 1)),
    }
    assert [cafe.title for cafe in shown] == sorted(expected, key=expected.get)
    for cafe in shown:
        # The database's flat-earth distance agrees with the haversine within 1%.
        assert cafe.distance_km == pytest.approx(expected[cafe.title], rel=0.01)


def test_the_town_in_the_next_town_is_not_left_out(client, cafes):
    titles = [cafe.title for cafe in client.get(reverse("cafes:index"), {"near": "石神井町"}).context["cafes"]]
    assert "となり町のカフェ" in titles and len(titles) == 4


def test_each_card_says_how_far_and_the_page_credits_the_points(client, cafes):
    body = client.get(reverse("cafes:index"), {"near": "石神井町3丁目"}).content.decode()
    assert "入力した場所から約" in body
    assert "石神井町3丁目から近い順に並べています" in body
    assert "国土交通省「位置参照情報」" in body


def map_points(response) -> dict:
    """The map's data as the page carries it (json_script)."""
    script = re.search(r'<script id="finder-map-points" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(script.group(1))


def test_the_map_data_holds_the_cafes_shown_and_the_typed_place(client, cafes):
    response = client.get(reverse("cafes:index"), {"near": "石神井町3丁目"})
    data = map_points(response)
    assert data["origin"]["name"] == "石神井町3丁目"
    assert {point["name"] for point in data["places"]} == {cafe.title for cafe in cafes.values()}
    body = response.content.decode()
    assert 'id="finder-map-points"' in body and "js/map.js" in body
    assert "leaflet.js" not in body.replace("vendor/leaflet/leaflet.js\"", "")  # Leaflet is only named, not loaded


def test_an_unreadable_address_is_an_error_next_to_the_field_and_the_list_still_shows(client, cafes):
    response = client.get(reverse("cafes:index"), {"near": "千代田区丸の内"})
    body = response.content.decode()
    assert "住所から町名を読み取れませんでした" in body
    assert "千代田区丸の内" in body
    assert len(response.context["cafes"]) == 4


def test_gojuon_order_still_wins_when_asked(client, cafes):
    response = client.get(reverse("cafes:index"), {"near": "石神井町3", "sort": "kana"})
    assert [cafe.title_kana for cafe in response.context["cafes"]] == ["あ", "い", "う", "え"]


def test_distance_combines_with_other_criteria(client, cafes):
    response = client.get(reverse("cafes:index"), {"near": "石神井町3", "area": "oizumi"})
    assert [cafe.title for cafe in response.context["cafes"]] == ["大泉のカフェ"]


def test_kids_cafes_are_ordered_by_distance_too(client, organization):
    far = make_kids_cafe(organization, title="遠いこどもカフェ", place=make_place("大泉", town="大泉学園町", number=8))
    near = make_kids_cafe(organization, title="近いこどもカフェ", place=make_place("石神井", town="石神井町", number=2))
    response = client.get(reverse("cafes:kids_index"), {"near": "石神井町3"})
    assert [cafe.pk for cafe in response.context["cafes"]] == [near.pk, far.pk]


def test_locate_is_what_the_finder_measures_from(cafes):
    assert locate("石神井町3-5-1").chome.number == 3


# Expected queries with an address (anonymous visitor): the 10 of the plain finder (tests/cafes/test_public_pages.py)
# plus reading the address: 11 the ward's address table (each process builds it once, and again only after a town
# or 丁目 changed: community/addresses.py)  12 the 丁目 found.
NEAR_BUDGET = 12


@pytest.mark.parametrize("count,sessions_each", [(10, 2), (1000, 20)])
def test_near_finder_query_budget(client, organization, django_assert_max_num_queries, count, sessions_each):
    places = [make_place("石神井A", town="石神井町", number=1), make_place("大泉B", town="大泉学園町", number=2)]
    bulk_care_cafes(organization, places, count=count, sessions_each=sessions_each)

    with django_assert_max_num_queries(NEAR_BUDGET):
        response = client.get(reverse("cafes:index"), {"near": "石神井町3-5-1", "weekday": "2"})

    assert response.status_code == 200
    shown = response.context["cafes"]
    assert len(shown) == min(count, 20)
    assert shown[0].place.name == "石神井A"
    assert [cafe.distance_km for cafe in shown] == sorted(cafe.distance_km for cafe in shown)
