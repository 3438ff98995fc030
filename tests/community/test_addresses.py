import pytest

from community.addresses import find_chome, find_town


@pytest.mark.parametrize(
    "typed",
    ["練馬区豊玉北5丁目", "東京都練馬区豊玉北５丁目３番", "豊玉北5-3-1", "豊玉北５－３", "豊玉北五丁目", "とよたまきた5", " 豊玉北 5 ー 3 "],
)
def test_it_reads_the_chome_however_it_is_written(typed):
    chome = find_chome(typed)
    assert chome is not None
    assert (chome.town.name, chome.number) == ("豊玉北", 5)


def test_the_longest_town_name_wins():
    assert find_chome("大泉学園町3-1").town.name == "大泉学園町"


def test_a_town_without_chome_is_found():
    chome = find_chome("練馬区西大泉町1000")
    assert chome.town.name == "西大泉町" and chome.number == 0


def test_an_unknown_place_or_missing_chome_gives_none():
    assert find_chome("新宿区西新宿2-8-1") is None
    assert find_chome("豊玉北99丁目") is None
    assert find_chome("") is None


def test_find_town_reads_the_town_only():
    assert find_town("練馬区光が丘2丁目").name == "光が丘"
