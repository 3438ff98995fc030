"""The fold: however a word is typed (katakana, hiragana, half width, full width, capitals) it reads the same."""

import pytest

from nerima_portal.search.folding import fold, query_terms


@pytest.mark.parametrize("typed", ["ケアカフェ", "ｹｱｶﾌｪ", "けあかふぇ", " ケアカフェ　"])
def test_katakana_half_width_and_hiragana_fold_to_the_same_reading(typed):
    assert fold(typed) == "けあかふぇ"


def test_half_width_voiced_katakana_keeps_its_voicing():
    assert fold("ﾊﾟﾜｰｱｯﾌﾟｶﾚｯｼﾞ") == "ぱわーあっぷかれっじ"


def test_full_width_digits_and_letters_become_ordinary_and_lower_case():
    assert fold("ＮＰＯ法人　第１２期") == "npo法人 第12期"
    assert fold("NPO") == fold("ｎｐｏ") == "npo"


def test_kanji_and_the_long_vowel_mark_are_kept():
    assert fold("石神井 コーヒー") == "石神井 こーひー"


def test_a_query_splits_into_distinct_folded_words():
    assert query_terms("石神井　ｶﾌｪ  石神井") == ["石神井", "かふぇ"]


@pytest.mark.parametrize("typed", ["", "   ", "ア", "　ｱ　"])
def test_a_query_shorter_than_two_characters_has_no_words(typed):
    assert query_terms(typed) == []


def test_a_query_keeps_at_most_five_words():
    assert query_terms("あい うえ おか きく けこ さし すせ") == ["あい", "うえ", "おか", "きく", "けこ"]
