"""Rules of the class finder and the desk query that the 相談先さがし finder relies on."""

from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from community.models import Area
from international.models import JapaneseClass
from international.queries import consultation_desks
from tests.conftest import make_place, make_session
from tests.international.conftest import make_class, make_desk

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def test_children_finder_includes_classes_for_all_ages_but_not_adult_only(organization):
    kids = make_class(organization, title="こども", learners="children")
    family = make_class(organization, title="親子", learners="all")
    make_class(organization, title="大人", learners="adults")
    found = set(JapaneseClass.objects.for_learners("children"))
    assert found == {kids, family}


def test_weekday_finder_uses_upcoming_sessions_in_tokyo_time(organization):
    saturday_class = make_class(organization, title="土曜")
    other = make_class(organization, title="ほか")
    session = make_session(saturday_class, days=1)
    weekday = session.starts_at.astimezone(TOKYO).weekday()
    make_session(other, days=2)
    assert list(JapaneseClass.objects.on_weekday(weekday)) == [saturday_class]


def test_weekday_finder_ignores_cancelled_and_past_sessions(organization):
    japanese_class = make_class(organization)
    cancelled = make_session(japanese_class, days=3, is_cancelled=True)
    past = make_session(japanese_class, days=-4)
    for session in (cancelled, past):
        weekday = session.starts_at.astimezone(TOKYO).weekday()
        assert not JapaneseClass.objects.on_weekday(weekday).exists()


def test_area_finder_follows_the_place(organization):
    hikarigaoka_place = make_place("光が丘の会場", town="光が丘", number=2)
    here = make_class(organization, title="光が丘", place=hikarigaoka_place)
    make_class(organization, title="豊玉", place=make_place())
    area = hikarigaoka_place.chome.town.area
    assert list(JapaneseClass.objects.in_area(area)) == [here]
    assert Area.objects.count() == 4


def test_unpublished_classes_stay_out_of_the_finder(organization):
    make_class(organization, status="draft")
    assert not JapaneseClass.objects.for_finder().exists()


def test_teacher_languages_must_be_known_codes(organization):
    japanese_class = make_class(organization, teacher_languages=["en", "xx"])
    with pytest.raises(ValidationError) as error:
        japanese_class.full_clean()
    assert "teacher_languages" in error.value.message_dict


def test_childcare_note_needs_childcare(organization):
    japanese_class = make_class(organization, childcare_note="保育室あり")
    with pytest.raises(ValidationError) as error:
        japanese_class.full_clean()
    assert "childcare_note" in error.value.message_dict


def test_consultation_desks_bring_their_language_days_in_two_queries(django_assert_max_num_queries):
    for n in range(3):
        make_desk(name_ja=f"窓口{n}")
    # 1 desks (with place, area and organization joined) + 1 prefetch of language days
    with django_assert_max_num_queries(2):
        desks = list(consultation_desks())
        rows = [desk.days_by_language() for desk in desks]
    assert len(desks) == 3
    tagalog = next(row for row in rows[0] if row["code"] == "tl")
    assert [day.weekday for day in tagalog["days"]] == [0]  # Mondays only
    korean = next(row for row in rows[0] if row["code"] == "ko")
    assert [day.weekday for day in korean["days"]] == [4]  # Fridays only
    english = next(row for row in rows[0] if row["code"] == "en")
    assert [day.weekday for day in english["days"]] == [0, 1, 2, 3, 4]


def test_consultation_desks_filter_by_language_and_topic():
    everything = make_desk(name_ja="なんでも窓口")
    english_only = make_desk(name_ja="英語だけの窓口", helps_childcare=False)
    english_only.language_days.exclude(language="en").delete()
    assert set(consultation_desks(language="tl")) == {everything}
    assert set(consultation_desks(language="en")) == {everything, english_only}
    assert set(consultation_desks(topic="childcare")) == {everything}


def test_inactive_desks_are_hidden():
    make_desk(is_active=False)
    assert not consultation_desks().exists()
