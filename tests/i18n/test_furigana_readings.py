"""ふりがな read Nerima right: the stored readings and the dictionary come before pykakasi's guess."""

import re

import pytest

from community.i18n.furigana import align, clear_cache, html_with_readings, text_with_readings
from community.i18n.readings import dictionary_entries, known_words
from community.models import Area, Town

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_readings():
    """Stored readings are read from this test's database, not a previous test's."""
    clear_cache()
    yield
    clear_cache()


def readings(html: str) -> str:
    """What a reader sees read out: the text with each <ruby> replaced by its reading (kana stay as written)."""
    return re.sub(r"<ruby>[^<]*<rt>([^<]*)</rt></ruby>", r"\1", html)


# 30 local and welfare phrases and how Nerima reads them.
GOLDEN = [
    ("外国人の方へ", "がいこくじんのかたへ"),
    ("お困りの方は", "おこまりのかたは"),
    ("初めての方", "はじめてのかた"),
    ("参加したい方は", "さんかしたいかたは"),
    ("光が丘地域", "ひかりがおかちいき"),
    ("谷原出張所", "やはらしゅっちょうじょ"),
    ("関町北", "せきまちきた"),
    ("上石神井", "かみしゃくじい"),
    ("土支田", "どしだ"),
    ("貫井", "ぬくい"),
    ("向山町会", "こうやまちょうかい"),
    ("中村橋駅", "なかむらばしえき"),
    ("大泉学園町地区区民館", "おおいずみがくえんちょうちくくみんかん"),
    ("石神井公園", "しゃくじいこうえん"),
    ("練馬区役所", "ねりまくやくしょ"),
    ("練馬区社会福祉協議会", "ねりまくしゃかいふくしきょうぎかい"),
    ("民生・児童委員", "みんせい・じどういいん"),
    ("主任児童委員", "しゅにんじどういいん"),
    ("地域包括支援センター", "ちいきほうかつしえんセンター"),
    ("介護予防", "かいごよぼう"),
    ("要介護認定", "ようかいごにんてい"),
    ("見守り", "みまもり"),
    ("居場所", "いばしょ"),
    ("担い手", "にないて"),
    ("子ども食堂", "こどもしょくどう"),
    ("区民協働交流センター", "くみんきょうどうこうりゅうセンター"),
    ("保健相談所", "ほけんそうだんじょ"),
    ("総合福祉事務所", "そうごうふくしじむしょ"),
    ("地域福祉協働推進員", "ちいきふくしきょうどうすいしんいん"),
    ("月曜〜金曜", "げつよう〜きんよう"),
]


@pytest.mark.parametrize(("phrase", "reading"), GOLDEN, ids=[phrase for phrase, _r in GOLDEN])
def test_local_and_welfare_phrases_read_right(phrase, reading):
    assert readings(text_with_readings(phrase)) == reading


def test_every_towns_furigana_equals_its_stored_reading():
    wrong = {
        town.name: readings(text_with_readings(town.name))
        for town in Town.objects.all()
        if readings(text_with_readings(town.name)) != town.name_kana
    }
    assert Town.objects.count() == 46
    assert not wrong, wrong


def test_every_area_reads_as_stored_and_before_地域():
    for area in Area.objects.all():
        assert readings(text_with_readings(f"{area.name}地域")) == f"{area.name_kana}ちいき"


def test_方_reads_かた_only_for_people():
    assert readings(text_with_readings("この方法")) == "このほうほう"
    assert readings(text_with_readings("読み方")) == "よみかた"


def test_a_corrected_stored_reading_is_used_for_an_organization(organization):
    organization.name = "谷原ふれあい会"
    organization.name_kana = "やはらふれあいかい"
    organization.save(update_fields=["name", "name_kana"])
    clear_cache()
    assert readings(html_with_readings("<p>谷原ふれあい会</p>")) == "<p>やはらふれあいかい</p>"


def test_a_reading_that_does_not_fit_its_name_is_not_used(organization):
    organization.name = "ふれあいサロンのお茶出し"
    organization.name_kana = "ふれあいサロンのお茶出し"  # a reading with kanji in it: ignored
    organization.save(update_fields=["name", "name_kana"])
    clear_cache()
    assert readings(text_with_readings("ふれあいサロンのお茶出し")) == "ふれあいサロンのおちゃだし"


def test_every_dictionary_word_fits_its_reading_and_is_known():
    words = known_words()
    for word, reading in dictionary_entries():
        assert align(word, reading) is not None, word
        assert words.reading_of(word) in (reading, None) or Town.objects.filter(name=word).exists()
