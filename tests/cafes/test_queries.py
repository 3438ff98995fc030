from cafes.queries import health_consultation_cafes
from community.models import Area, PublicationStatus
from tests.cafes.conftest import add_session, make_care_cafe


def test_health_consultation_cafes_lists_published_cafes_offering_health_talks(organization, shakujii_place):
    offering = make_care_cafe(organization, title="相談あり", place=shakujii_place, activities=["health", "tea"])
    make_care_cafe(organization, title="体操だけ", place=shakujii_place, activities=["exercise"])
    make_care_cafe(organization, title="下書き", place=shakujii_place, activities=["health"],
                   status=PublicationStatus.DRAFT)

    assert list(health_consultation_cafes()) == [offering]


def test_health_consultation_cafes_by_area_includes_travelling_visits(organization, shakujii_place, nerima_place):
    shakujii = Area.objects.get(slug="shakujii")
    at_home = make_care_cafe(organization, title="石神井の", title_kana="あ", place=shakujii_place, activities=["health"])
    elsewhere = make_care_cafe(organization, title="練馬の", title_kana="い", place=nerima_place, activities=["health"])
    travelling = make_care_cafe(organization, title="出張", title_kana="う", place=None, activities=["health"],
                                cafe_type="travelling")
    add_session(travelling, place=shakujii_place)
    add_session(elsewhere)  # a session at its own place (練馬) does not bring it to 石神井

    cafes = list(health_consultation_cafes(area=shakujii))

    assert cafes == [at_home, travelling]
    assert cafes[0].place.chome.town.area == shakujii
