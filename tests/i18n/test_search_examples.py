"""The words the site suggests to search for find something (asked through the search's public function)."""


import pytest
from django.utils import translation

from nerima_portal.search.folding import query_terms
from nerima_portal.search.index import index_refresh
from nerima_portal.search.query import search_overview
from nerima_portal.search_examples import SEARCH_EXAMPLES

pytestmark = pytest.mark.django_db


def test_each_suggested_word_finds_demo_content(demo_data):
    index_refresh()
    found = {word: sum(group.count for group in search_overview(query_terms(word))) for word, _meaning in SEARCH_EXAMPLES}
    assert all(count > 0 for count in found.values()), found


@pytest.mark.parametrize("language", ["en", "zh-hans", "ko", "tl"])
def test_examples_are_japanese_words_marked_and_explained_in_the_readers_language(client, language):
    page = client.get(f"/{'easy' if language == 'ja-x-easy' else language}/").content.decode()
    for word, meaning in SEARCH_EXAMPLES:
        assert f'lang="ja" translate="no">{word}</a>' in page
        with translation.override(language):
            assert f"（{meaning}）" in page
