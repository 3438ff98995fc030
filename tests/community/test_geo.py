"""Near me: typed addresses become points; distances in words; every 丁目 has its representative point."""

import pytest

from community.geo import distance_km, distance_text, external_map_url, locate, place_point
from community.geography import parse_town_chome
from community.models import Chome
from tests.conftest import make_place


def test_every_chome_of_the_ward_has_its_representative_point():
    assert Chome.objects.count() == 202
    assert not Chome.objects.filter(latitude__isnull=True).exists()


def test_the_points_file_reads_kanji_chome_numbers():
    assert parse_town_chome("三原台一丁目") == ("三原台", 1)
    assert parse_town_chome("石神井台八丁目") == ("石神井台", 8)
    assert parse_town_chome("栄町") == ("栄町", 0)


def test_an_address_is_located_at_its_chome_point():
    origin = locate("東京都練馬区石神井町３－５－１")
    chome = Chome.objects.get(town__name="石神井町", number=3)
    assert origin.chome == chome
    assert (origin.latitude, origin.longitude) == (float(chome.latitude), float(chome.longitude))
    assert origin.label == "石神井町3丁目"


def test_a_town_name_alone_is_located_at_the_middle_of_its_chome_points():
    origin = locate("しゃくじいまち")
    points = Chome.objects.filter(town__name="石神井町").values_list("latitude", flat=True)
    assert origin.chome is None and origin.label == "石神井町"
    assert origin.latitude == pytest.approx(sum(float(p) for p in points) / len(points))


def test_an_address_outside_the_ward_is_not_located():
    assert locate("千代田区丸の内1-1") is None
    assert locate("") is None


def test_distance_on_known_coordinates():
    # 練馬区役所 (35.7356, 139.6517) to 石神井庁舎 (35.7436, 139.6065): about 4.2 km.
    assert distance_km((35.7356, 139.6517), (35.7436, 139.6065)) == pytest.approx(4.18, abs=0.05)
    assert distance_km((35.7, 139.6), (35.7, 139.6)) == 0


@pytest.mark.parametrize("km,text", [(0.0, "約100m"), (0.26, "約300m"), (0.949, "約900m"), (0.96, "約1.0km"),
                                     (1.234, "約1.2km"), (12.06, "約12.1km"), (None, "")])
def test_distance_in_words(km, text):
    assert distance_text(km) == text


def test_a_place_uses_its_own_point_else_its_chomes():
    chome = Chome.objects.get(town__name="豊玉北", number=5)
    plain = make_place("座標なし", town="豊玉北", number=5)
    exact = make_place("座標あり", town="豊玉北", number=5, latitude="35.7360", longitude="139.6520")
    assert place_point(plain) == (float(chome.latitude), float(chome.longitude))
    assert place_point(exact) == (35.736, 139.652)


def test_the_map_app_link_searches_the_address():
    place = make_place("区民館", town="豊玉北", number=5)
    assert external_map_url(place).startswith("https://www.google.com/maps/search/?api=1&query=")
    assert "%E8%B1%8A%E7%8E%89%E5%8C%97" in external_map_url(place)  # 豊玉北, encoded
    assert external_map_url(None) == ""


def test_the_content_security_policy_lets_the_map_tiles_in(settings):
    from urllib.parse import urlsplit

    from community.templatetags.maps import DEFAULT_TILE_URL

    parts = urlsplit(DEFAULT_TILE_URL)
    assert f"{parts.scheme}://{parts.netloc}" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
