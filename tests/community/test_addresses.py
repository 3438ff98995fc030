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


# --- the address table each process keeps (community/addresses.py) -----------------------------------------------

def test_a_process_reads_the_towns_once_and_then_only_the_chome_it_found(django_assert_num_queries):
    from community.addresses import address_table

    address_table()  # built on the first lookup of the process (or after a change)
    with django_assert_num_queries(1):
        chome = find_chome("豊玉北5-3")
    assert (chome.town.name, chome.number) == ("豊玉北", 5) and chome.town.area is not None
    with django_assert_num_queries(1):
        assert find_town("光が丘2丁目").area is not None


def test_a_new_or_renamed_town_and_a_new_chome_are_read_at_once():
    from community.models import Area, Chome, Town

    assert find_chome("ベンチ台1丁目") is None
    town = Town.objects.create(name="ベンチ台", name_kana="べんちだい", area=Area.objects.first())
    Chome.objects.create(town=town, number=1)
    assert find_chome("ベンチ台1丁目").town == town
    assert find_chome("ベンチ台2丁目") is None

    Chome.objects.create(town=town, number=2)
    assert find_chome("ベンチ台2-4").number == 2

    town.name = "ベンチ丘"
    town.save()
    assert find_chome("ベンチ台1丁目") is None
    assert find_chome("ベンチ丘1丁目").town == town and find_town("ベンチ丘") == town


def test_a_change_another_process_announces_is_read_at_once():
    """An edit made elsewhere reaches this process through the address version in the shared cache only."""
    from community.addresses import addresses_changed
    from community.models import Town

    assert find_chome("豊玉北5丁目") is not None
    Town.objects.filter(name="豊玉北").update(name="とよたま北")  # no signal here: the other process moves the version
    addresses_changed()

    assert find_chome("豊玉北5丁目") is None
    assert find_chome("とよたま北5丁目").number == 5


def test_the_table_is_built_again_when_the_cache_lost_its_version(django_assert_num_queries):
    from django.core.cache import cache

    from community.addresses import VERSION_KEY, address_table

    first = address_table()
    cache.delete(VERSION_KEY)  # evicted, or Redis restarted
    with django_assert_num_queries(1):
        assert address_table() is not first
