"""The search's results come from the shared cache per address, content version and language
(nerima_portal/views/pages.py: search_results); tests/nerima_portal/test_search_on_write.py shows each write at once
on the next search, these the keys: language, ふりがな, and the query's own kind and page."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.cafes.conftest import make_care_cafe

pytestmark = pytest.mark.django_db


@pytest.fixture
def cafe(organization, place):
    return make_care_cafe(organization, title="ひだまりケアカフェ", title_kana="ひだまりけあかふぇ", place=place)


def search(client, **query):
    return client.get(reverse("search"), query).content.decode()


def test_each_language_gets_its_own_results_after_japanese_ones_were_cached(client, cafe):
    assert "ひだまりケアカフェ" in search(client, q="ひだまり")
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        summary = translation.ngettext(
            "「%(q)s」の検索結果：%(n)s件", "「%(q)s」の検索結果：%(n)s件", 1
        ) % {"q": "ひだまり", "n": 1}
    body = search(client, q="ひだまり")
    assert summary.split("ひだまり")[0] in body
    assert "の検索結果：" not in body


def test_furigana_go_over_the_cached_results(client, cafe):
    search(client, q="ひだまり")  # cached without readings
    client.cookies["furigana"] = "on"
    assert "<ruby>検索<rt>" in search(client, q="ひだまり")


def test_one_kinds_page_is_not_answered_with_the_overview(client, cafe):
    overview = search(client, q="ひだまり")
    one_kind = search(client, q="ひだまり", kind=cafe._meta.label_lower)
    assert 'id="kind-title"' in one_kind and 'id="kind-title"' not in overview


def test_a_new_listing_found_by_the_same_words_shows_on_the_next_search(client, organization, place, cafe):
    assert "ひだまり食堂" not in search(client, q="ひだまり")
    make_care_cafe(organization, title="ひだまり食堂", title_kana="ひだまりしょくどう", place=place)
    assert "ひだまり食堂" in search(client, q="ひだまり")
