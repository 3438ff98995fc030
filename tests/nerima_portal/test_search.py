"""サイト内検索: every kind is found, however it is typed; nothing unpublished ever is."""

import pytest
from django.urls import reverse

from cafes.models import CareCafe
from community.models import Area, PublicationStatus
from nerima_portal.models import ListingSearchText
from nerima_portal.search.index import index_refresh
from tests.conftest import make_listing, make_organization, make_place
from tests.nerima_portal.search_kinds import make_every_kind

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


@pytest.fixture
def care_cafe(organization):
    place = make_place("石神井公園集会所", town="石神井町", number=3)
    return CareCafe.objects.create(
        organization=organization, place=place, title="街かどケアカフェ石神井", title_kana="まちかどけあかふぇしゃくじい",
        cafe_type=CareCafe.CafeType.GATHERING, summary="体操とお茶の会", status=PublicationStatus.PUBLISHED,
    )


@pytest.mark.parametrize("typed", ["ケアカフェ", "ｹｱｶﾌｪ", "けあかふぇ", "ケアｶﾌｪ"])
def test_a_care_cafe_is_found_however_the_word_is_typed(client, care_cafe, typed):
    body = search(client, q=typed).content.decode()
    assert "街かどケアカフェ石神井" in body
    assert care_cafe.get_absolute_url() in body


def test_a_reading_in_hiragana_finds_the_kanji_town(client, organization):
    # The title says nothing about 石神井; the place's town (石神井町, しゃくじいまち) does.
    CareCafe.objects.create(
        organization=organization, place=make_place("ふれあい会館", town="石神井町", number=2), title="ふれあいサロン",
        title_kana="ふれあいさろん", cafe_type=CareCafe.CafeType.GATHERING, status=PublicationStatus.PUBLISHED,
    )
    body = search(client, q="しゃくじい").content.decode()
    assert "ふれあいサロン" in body


def test_full_width_digits_find_half_width_ones(client, organization, place):
    make_listing(organization, place=place, title="第3回 防災のつどい", title_kana="だい3かいぼうさいのつどい")
    assert "第3回 防災のつどい" in search(client, q="第３回").content.decode()


def test_every_kind_of_listing_is_found_and_links_to_its_own_page(client, organization, place):
    listings = make_every_kind(organization, place, word="ふくろう")
    response = search(client, q="フクロウ")
    body = response.content.decode()
    kinds = {group.kind: group.count for group in response.context["groups"]}
    for kind, listing in listings.items():
        assert kinds.get(kind) == 1, kind
        assert listing.get_absolute_url().replace("&", "&amp;") in body, kind


def test_unpublished_listings_never_appear(client, organization, place):
    for status in (PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.RETURNED, PublicationStatus.ENDED):
        make_listing(organization, place=place, title=f"ひみつの集い{status}", title_kana="ひみつのつどい", status=status)
    make_every_kind(organization, place, word="ひみつ", status=PublicationStatus.DRAFT)
    response = search(client, q="ひみつ")
    assert response.context["groups"] == []
    assert "ひみつの集い" not in response.content.decode()


def test_listings_and_organizations_of_an_unapproved_organization_never_appear(client, place):
    pending = make_organization("ひみつ町会", name_kana="ひみつちょうかい", status=PublicationStatus.PENDING)
    make_listing(pending, place=place, title="ひみつの体操", title_kana="ひみつのたいそう")
    body = search(client, q="ひみつ").content.decode()
    assert "ひみつ町会" not in body and "ひみつの体操" not in body


def test_published_organizations_are_found_by_their_reading(client):
    make_organization("桜台さくら会", name_kana="さくらだいさくらかい", kind="volunteer")
    response = search(client, q="サクラダイ")
    groups = {group.kind: group for group in response.context["groups"]}
    assert groups["organization"].count == 1
    assert "桜台さくら会" in response.content.decode()


def test_an_edit_is_searchable_at_once(client, care_cafe):
    search(client, q="ケアカフェ")
    care_cafe.title = "街かどケアカフェ ひまわり"
    care_cafe.save()
    assert "街かどケアカフェ ひまわり" in search(client, q="ひまわり").content.decode()


def test_renaming_the_organization_refreshes_its_listings(client, organization, care_cafe):
    index_refresh()
    organization.name = "石神井あおぞら会"
    organization.save()
    body = search(client, q="あおぞら").content.decode()
    assert "街かどケアカフェ石神井" in body


def test_a_fresh_index_is_not_rewritten(care_cafe):
    index_refresh()
    assert index_refresh() == 0
    assert ListingSearchText.objects.filter(listing=care_cafe).exists()


def test_a_name_match_ranks_above_a_description_match(client, organization, place):
    make_listing(organization, place=place, title="朝の体操", title_kana="あさのたいそう", description="ゆりの会が開きます")
    make_listing(organization, place=place, title="ゆり体操", title_kana="ゆりたいそう")
    group = search(client, q="ゆり").context["groups"][0]
    assert [hit.title for hit in group.hits] == ["ゆり体操", "朝の体操"]


def test_equal_matches_come_in_the_order_of_their_reading(client, organization, place):
    for title, kana in [("体操C", "たいそうう"), ("体操A", "たいそうあ"), ("体操B", "たいそうい")]:
        make_listing(organization, place=place, title=title, title_kana=kana)
    group = search(client, q="体操").context["groups"][0]
    assert [hit.title for hit in group.hits] == ["体操A", "体操B", "体操C"]


def test_all_words_must_match(client, organization, place):
    make_listing(organization, place=place, title="石神井の体操", title_kana="しゃくじいのたいそう")
    make_listing(organization, place=place, title="大泉の体操", title_kana="おおいずみのたいそう")
    titles = [hit.title for hit in search(client, q="体操 しゃくじい").context["groups"][0].hits]
    assert titles == ["石神井の体操"]


def test_the_area_filter_keeps_only_that_area(client, organization):
    make_listing(organization, place=make_place("石神井の会場", town="石神井町", number=3), title="石神井の体操",
                 title_kana="しゃくじいのたいそう")
    make_listing(organization, place=make_place("大泉の会場", town="東大泉", number=3), title="大泉の体操",
                 title_kana="おおいずみのたいそう")
    area = Area.objects.get(slug="oizumi")
    titles = [hit.title for hit in search(client, q="体操", area=area.slug).context["groups"][0].hits]
    assert titles == ["大泉の体操"]


def test_each_group_shows_five_and_links_to_all_of_its_kind(client, organization, place):
    for i in range(7):
        make_listing(organization, place=place, title=f"体操{i}", title_kana=f"たいそう{i}")
    response = search(client, q="体操")
    group = response.context["groups"][0]
    assert group.count == 7 and len(group.hits) == 5
    assert "kind=community.listing" in response.content.decode()


def test_one_kind_is_paginated(client, settings, organization, place):
    settings.PAGE_SIZE = 3
    for i in range(7):
        make_listing(organization, place=place, title=f"体操{i}", title_kana=f"たいそう{i}")
    response = search(client, q="体操", kind="community.listing", page=3)
    assert [hit.title for hit in response.context["hits"]] == ["体操6"]
    assert "全7件（3 / 3ページ）" in response.content.decode()


def test_organizations_have_their_own_paginated_list(client):
    for i in range(3):
        make_organization(f"体操の会{i}", name_kana=f"たいそうのかい{i}")
    response = search(client, q="体操", kind="organization")
    assert [hit.title for hit in response.context["hits"]] == ["体操の会0", "体操の会1", "体操の会2"]


@pytest.mark.parametrize("typed", ["", "ア", "　"])
def test_an_empty_or_too_short_query_shows_guidance(client, typed):
    body = search(client, q=typed).content.decode()
    assert "さがし方" in body
    assert body.count("<h1") == 1
    if typed.strip():
        assert "2文字以上で入力してください" in body


def test_an_unknown_area_shows_an_error_next_to_the_field(client):
    body = search(client, q="体操", area="atlantis").content.decode()
    assert 'id="id_area_error"' in body


def test_nothing_found_says_what_to_try(client):
    assert "見つかりませんでした" in search(client, q="存在しないことば").content.decode()


def test_the_header_on_every_page_has_a_labelled_search_box(client):
    body = client.get(reverse("cafes:index")).content.decode()
    assert '<label for="site-search-q">サイト内検索</label>' in body
    assert f'action="{reverse("search")}"' in body
