"""相談先さがし: each kind of answer appears for the right questions, nearest first, with its reasons."""

import pytest
from django.urls import reverse

from community.addresses import find_chome
from community.models import Chome
from hiroba.queries import support_center_for_chome
from hiroba.selectors import Nearness, Question, find_answers
from tests.conftest import make_organization, make_place
from tests.hiroba.conftest import bulk_plazas, make_plaza

pytestmark = pytest.mark.django_db


def _question(topic, chome=None, area=None, **extra):
    town = chome.town if chome else None
    return Question(topic=topic, chome=chome, town=town, area=area or (town.area if town else None), **extra)


def _kinds(answers):
    return [answer.kind for answer in answers]


def test_support_center_is_found_for_an_address_written_with_full_width_digits(support_center):
    chome = find_chome("練馬区北町６－３５－７")
    assert chome is not None
    assert support_center_for_chome(chome) == support_center


def test_support_center_query_ignores_unpublished_centres(support_center, chome_kitamachi6):
    support_center.status = "draft"
    support_center.save()
    assert support_center_for_chome(chome_kitamachi6) is None


def test_finder_page_shows_the_support_centre_for_a_full_width_address(client, support_center):
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "北町６－３５－７"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "北町はるのひ地域包括支援センター" in body
    assert "お住まいの北町6丁目を担当するセンターです。" in body


def test_support_centre_is_not_offered_for_childcare(support_center, chome_kitamachi6):
    assert "support_center" not in _kinds(find_answers(_question("childcare", chome_kitamachi6)))


def test_with_only_an_area_the_area_centres_are_listed_as_candidates(support_center, chome_kitamachi6):
    answers = find_answers(_question("elderly", area=chome_kitamachi6.town.area))
    centre = next(a for a in answers if a.kind == "support_center")
    assert centre.nearness == Nearness.AREA
    assert "住所を入れると" in " ".join(centre.reasons)


def test_care_cafe_with_health_consultation_appears_for_elderly_care_when_visiting(health_cafe, chome_kitamachi6):
    answers = find_answers(_question("elderly", chome_kitamachi6))
    cafe = next(a for a in answers if a.kind == "cafe")
    assert cafe.title == "街かどケアカフェ けんこう"
    assert cafe.nearness == Nearness.CHOME


def test_care_cafe_is_not_offered_to_someone_who_only_wants_to_phone(health_cafe, chome_kitamachi6):
    answers = find_answers(_question("elderly", chome_kitamachi6, ways=frozenset({"phone"})))
    assert "cafe" not in _kinds(answers)


def test_care_cafe_is_not_offered_for_community_activity(health_cafe, chome_kitamachi6):
    assert "cafe" not in _kinds(find_answers(_question("community", chome_kitamachi6)))


def test_commissioner_district_gives_only_the_public_contact_route(commissioner_district, chome_kitamachi6):
    answers = find_answers(_question("living", chome_kitamachi6))
    district = next(a for a in answers if a.kind == "commissioner")
    assert district.phone == "03-0000-0300"
    assert ("連絡の窓口", "光が丘総合福祉事務所") in district.details
    assert district.url.startswith(reverse("volunteers:commissioner_contact"))


def test_commissioner_district_needs_an_address(commissioner_district, chome_kitamachi6):
    assert "commissioner" not in _kinds(find_answers(_question("living", area=chome_kitamachi6.town.area)))


def test_foreign_resident_desk_appears_with_language_days_for_a_tagalog_speaker(foreign_desk):
    answers = find_answers(Question(topic="living", language="tl"))
    desk = next(a for a in answers if a.kind == "foreign_desk")
    assert any("月曜" in value for _label, value in desk.details)


def test_foreign_resident_desk_appears_for_the_foreign_language_topic(foreign_desk):
    assert "foreign_desk" in _kinds(find_answers(Question(topic="foreign")))


def test_foreign_resident_desk_is_not_offered_to_a_japanese_speaker_about_childcare(foreign_desk):
    assert "foreign_desk" not in _kinds(find_answers(Question(topic="childcare", language="ja")))


def test_ward_desk_appears_for_its_topics_only(ward_desk):
    from hiroba.models import ConsultationDesk

    ConsultationDesk.objects.create(name="区民協働交流センター", kind="collaboration", topics=["community"])
    titles = [a.title for a in find_answers(Question(topic="community"))]
    assert titles == ["区民協働交流センター", "練馬区役所 代表電話"]
    assert "区民協働交流センター" not in [a.title for a in find_answers(Question(topic="elderly"))]


def test_ward_desk_without_online_is_not_offered_to_online_only(ward_desk):
    assert find_answers(Question(topic="living", ways=frozenset({"online"}))) == []


def test_plazas_are_ordered_same_chome_then_town_then_area_then_ward(organization):
    chome = Chome.objects.select_related("town__area").get(town__name="豊玉北", number=5)
    make_plaza(organization, title="区内の別地域", title_kana="あ", activities=["care"],
               place=make_place("大泉の会場", town="東大泉", number=1))
    make_plaza(organization, title="同じ地域", title_kana="い", activities=["care"],
               place=make_place("桜台の会場", town="桜台", number=3))
    make_plaza(organization, title="同じ町", title_kana="う", activities=["care"],
               place=make_place("豊玉北1の会場", town="豊玉北", number=1))
    make_plaza(organization, title="同じ丁目", title_kana="え", activities=["care"],
               place=make_place("豊玉北5の会場", town="豊玉北", number=5))
    answers = [a for a in find_answers(_question("elderly", chome)) if a.kind == "plaza"]
    assert [a.title for a in answers] == ["同じ丁目", "同じ町", "同じ地域", "区内の別地域"]
    assert [a.nearness for a in answers] == [Nearness.CHOME, Nearness.TOWN, Nearness.AREA, Nearness.WARD]
    assert "お住まいと同じ豊玉北5丁目にあります。" in answers[0].reasons


def test_within_the_same_nearness_a_plaza_for_the_topic_comes_before_a_chat_plaza(organization):
    place = make_place("会場", town="豊玉北", number=5)
    make_plaza(organization, title="おしゃべりの場", title_kana="あ", activities=["chat"], place=place)
    make_plaza(organization, title="子育ての場", title_kana="い", activities=["childcare"], place=place)
    make_plaza(organization, title="介護だけの場", title_kana="う", activities=["care"], place=place)
    answers = [a for a in find_answers(_question("childcare", place.chome)) if a.kind == "plaza"]
    assert [a.title for a in answers] == ["子育ての場", "おしゃべりの場"]


def test_unpublished_and_closed_plazas_are_never_answers(organization, place):
    import datetime as dt

    make_plaza(organization, title="下書き", activities=["care"], place=place, status="draft")
    make_plaza(organization, title="閉所", activities=["care"], place=place, closed_on=dt.date(2020, 1, 1))
    assert find_answers(_question("elderly", place.chome)) == []


def test_plaza_without_phone_is_not_offered_to_someone_who_only_phones(organization, place):
    make_plaza(organization, title="電話なし", activities=["care"], place=place)
    make_plaza(organization, title="電話あり", activities=["care"], place=place, phone="03-0000-0001")
    answers = find_answers(_question("elderly", place.chome, ways=frozenset({"phone"})))
    assert [a.title for a in answers] == ["電話あり"]


def test_unreadable_address_gets_an_error_next_to_the_field_and_keeps_the_text(client):
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "どこかの町"})
    body = response.content.decode()
    assert "住所から町名を読み取れませんでした" in body
    assert 'value="どこかの町"' in body


def test_finder_without_a_topic_shows_only_the_questions(client):
    response = client.get(reverse("hiroba:finder"))
    assert response.status_code == 200
    assert "件の相談先が見つかりました" not in response.content.decode()


def test_every_answer_type_shows_with_its_reason_on_one_page(
    client, plaza, support_center, health_cafe, commissioner_district, foreign_desk, ward_desk
):
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "北町6丁目", "language": "tl"})
    body = response.content.decode()
    for text in ("豊玉ひろば", "北町はるのひ地域包括支援センター", "街かどケアカフェ けんこう", "北町地区", "外国語相談",
                 "練馬区役所 代表電話", "ここをご案内する理由"):
        assert text in body


def test_print_page_lists_the_answers_without_the_form(client, support_center):
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "北町6丁目", "print": "1"})
    body = response.content.decode()
    assert "印刷用" in body
    assert "北町はるのひ地域包括支援センター" in body
    assert 'name="topic"' not in body


@pytest.mark.parametrize("rows", [10, 1000])
def test_finder_page_query_budget(client, organization, django_assert_max_num_queries, rows, support_center,
                                  health_cafe, commissioner_district, foreign_desk, ward_desk):
    bulk_plazas(organization, make_place("会場", town="北町", number=6), rows)
    # Expected: towns for the address (1) + its 丁目 (2), plazas (1) + their activities (1),
    # cafés (1) + cafe lookups, centre (1), district (1), foreign desks (2), ward desks (1), areas for the form (1)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "北町6丁目"})
    assert response.status_code == 200
    assert response.content.decode().count('class="answer answer--plaza"') == 6


def test_another_organisation_of_the_same_name_does_not_confuse_centres(chome_kitamachi6, support_center):
    make_organization("別のセンター", kind="houkatsu")
    assert support_center_for_chome(chome_kitamachi6) == support_center
