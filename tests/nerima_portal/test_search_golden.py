"""Thirty searches as residents type them (kana, kanji, width, 言いかえ, addresses) with the hits they must bring."""

import pytest
from django.urls import reverse

from cafes.models import Activity
from community.models import Organization, PublicationStatus
from nerima_portal.models import SearchSynonym
from nerima_portal.search.synonyms import load_first_groups
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe
from tests.conftest import make_listing, make_organization, make_place


@pytest.fixture
def ward(organization):
    load_first_groups(SearchSynonym)  # as migration 0003 does (a flushed test database may have lost them)
    shakujii = make_place("石神井町の会館", town="石神井町", number=2)
    hikari = make_place("光が丘の集会所", town="光が丘", number=5)
    fureai = make_care_cafe(organization, title="ふれあいカフェ", title_kana="ふれあいかふぇ", place=shakujii,
                            description="認知症予防の体操もあります。", audience="高齢者とご家族")
    fureai.activities.set(Activity.objects.filter(code="health"))
    add_session(fureai)
    make_care_cafe(organization, title="防災ケアカフェ", title_kana="ぼうさいけあかふぇ", place=hikari,
                   description="防災の話と、お茶の時間。")
    make_kids_cafe(organization, title="こどもカフェ ひかりのこ", title_kana="こどもかふぇひかりのこ", place=hikari)
    make_listing(organization, title="子ども食堂 とよたま", title_kana="こどもしょくどうとよたま",
                 place=make_place("豊玉の台所", town="豊玉中", number=2))
    make_listing(organization, title="こども食堂 ひかりがおか", title_kana="こどもしょくどうひかりがおか", place=hikari)
    make_listing(organization, title="子育てひろば", title_kana="こそだてひろば", place=hikari,
                 summary="子育ての悩みを話せる場所です。")
    make_listing(organization, title="体操教室 第3回", title_kana="たいそうきょうしつ", place=shakujii)
    make_organization("石神井防災の会", name_kana="しゃくじいぼうさいのかい", kind="volunteer",
                      description="地域の防災訓練をしています。")
    make_listing(organization, title="下書きの防災講座", title_kana="したがき", place=shakujii,
                 status=PublicationStatus.DRAFT)
    return organization


def _titles(client, query) -> set[str]:
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return {hit.title for group in response.context.get("groups") or [] for hit in group.hits}


GOLDEN = [
    # (typed, must be found) — kana/kanji/width
    ("ケアカフェ", {"ふれあいカフェ", "防災ケアカフェ"}),
    ("けあかふぇ", {"ふれあいカフェ", "防災ケアカフェ"}),
    ("ｹｱｶﾌｪ", {"ふれあいカフェ", "防災ケアカフェ"}),
    ("認知症", {"ふれあいカフェ"}),
    ("にんちしょう", {"ふれあいカフェ"}),
    ("防災", {"防災ケアカフェ", "石神井防災の会"}),
    ("ぼうさい", {"防災ケアカフェ", "石神井防災の会"}),
    ("ボウサイ", {"防災ケアカフェ", "石神井防災の会"}),
    ("健康相談", {"ふれあいカフェ"}),  # an activity of the café
    ("けんこうそうだん", {"ふれあいカフェ"}),
    ("しゃくじい", {"ふれあいカフェ", "体操教室 第3回", "石神井防災の会"}),
    ("石神井", {"ふれあいカフェ", "体操教室 第3回"}),
    ("ｼｬｸｼﾞｲ", {"ふれあいカフェ", "体操教室 第3回"}),
    ("第３回", {"体操教室 第3回"}),
    ("ひかりがおか", {"防災ケアカフェ", "こども食堂 ひかりがおか", "子育てひろば"}),
    ("光が丘 こども", {"こども食堂 ひかりがおか", "こどもカフェ ひかりのこ"}),
    ("ケアカフェ 石神井", {"ふれあいカフェ"}),
    ("こそだて", {"子育てひろば"}),
    # 言いかえ (staff-editable synonyms)
    ("こども食堂", {"こども食堂 ひかりがおか", "子ども食堂 とよたま"}),
    ("子ども食堂", {"こども食堂 ひかりがおか", "子ども食堂 とよたま"}),
    ("子供食堂", {"こども食堂 ひかりがおか", "子ども食堂 とよたま"}),
    ("こどもしょくどう", {"こども食堂 ひかりがおか", "子ども食堂 とよたま"}),
    ("お年寄り", {"ふれあいカフェ"}),
    ("シニア", {"ふれあいカフェ"}),
    ("物忘れ", {"ふれあいカフェ"}),
    ("育児", {"子育てひろば"}),
    ("カフェ", {"ふれあいカフェ", "防災ケアカフェ", "こどもカフェ ひかりのこ"}),
]


@pytest.mark.parametrize("query,expected", GOLDEN, ids=[query for query, _ in GOLDEN])
def test_golden_query_finds_what_residents_mean(client, ward, query, expected):
    found = _titles(client, query)
    assert expected <= found, f"{query!r}: missing {expected - found}"
    assert "下書きの防災講座" not in found


def test_golden_address_is_answered_with_what_is_near_and_covers_it(client, ward):
    response = client.get(reverse("search"), {"q": "石神井町3-5-1"})
    answer = response.context["address"]
    assert answer.origin.label == "石神井町3丁目"
    assert answer.cafes[0].title == "ふれあいカフェ" and answer.cafes[0].distance_km < 1
    body = response.content.decode()
    assert "石神井町3丁目のまわり" in body and "入力した" not in body
    assert "/hiroba/finder/?topic=elderly&amp;address=" in body


def test_golden_address_in_kana_and_full_width(client, ward):
    response = client.get(reverse("search"), {"q": "しゃくじいまち３丁目"})
    assert response.context["address"].origin.label == "石神井町3丁目"


def test_golden_nothing_found_offers_the_finder_and_the_phone(client, ward):
    response = client.get(reverse("search"), {"q": "存在しないことば"})
    body = response.content.decode()
    assert response.context["total"] == 0 and response.context["address"] is None
    assert reverse("hiroba:finder") in body and 'href="tel:03-3993-1111"' in body


def test_results_are_grouped_by_kind_with_counts(client, ward):
    groups = {group.label: group.count for group in client.get(reverse("search"), {"q": "カフェ"}).context["groups"]}
    assert groups["街かどケアカフェ"] == 2 and groups["練馬こどもカフェ"] == 1


def test_staff_edit_the_synonyms_and_the_next_search_uses_them(client, ward, staff):
    assert "子育てひろば" not in _titles(client, "ママ")
    client.force_login(staff)
    response = client.post(reverse("admin:nerima_portal_searchsynonym_add"), {"words": "子育て ママ", "note": ""})
    assert response.status_code == 302
    client.logout()
    assert "子育てひろば" in _titles(client, "ママ")


def test_an_organization_is_found_by_the_reading_of_its_description(client, ward):
    Organization.objects.filter(name="石神井防災の会").update(description="避難所の運営を手伝います。")
    assert "石神井防災の会" in _titles(client, "ひなんじょ")


def test_only_ward_staff_edit_the_synonyms(client, ward, coordinator):
    client.force_login(coordinator)
    url = reverse("admin:nerima_portal_searchsynonym_add")
    assert client.post(url, {"words": "子育て ママ", "note": ""}).status_code == 403
    assert not SearchSynonym.objects.filter(words="子育て ママ").exists()
