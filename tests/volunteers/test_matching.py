"""Matching: the pure scoring rule on fixed profiles, the ranking, and the list page's query budget."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.volunteers.factories_college import (
    make_cohort,
    make_college_application,
    make_course,
    make_opening,
    make_profile,
    opening_rows,
)
from volunteers.models import CollegeApplication, Opening
from volunteers.selectors.matching import OpeningFacts, ProfileFacts, matching_openings, score

SHAKUJII, OIZUMI = 3, 4

# A fixed profile: 防災 and 福祉, lives near 石神井, free on Tuesday and Thursday mornings, drives a car.
TARO = ProfileFacts(
    fields=frozenset({"disaster", "welfare"}),
    area_ids=frozenset({SHAKUJII}),
    weekdays=frozenset({1, 3}),
    times=frozenset({"am"}),
    skills=frozenset({"driving"}),
)
# Another: English speaker interested in みどり in 大泉 on Saturday afternoons.
MARIA = ProfileFacts(
    fields=frozenset({"green"}), area_ids=frozenset({OIZUMI}), weekdays=frozenset({5}), times=frozenset({"pm"}),
    languages=frozenset({"en"}),
)


def opening(**facts):
    base = {"field": "disaster", "area_id": SHAKUJII, "area_name": "石神井"}
    return OpeningFacts(**{**base, **facts})


def test_a_full_fit_reads_weekday_time_area_field():
    match = score(TARO, opening(weekdays=frozenset({1}), times=frozenset({"am"})))
    assert match.reason_text == "火曜午前・石神井・防災"
    assert match.score == 3 + 3 + 4


def test_a_weekday_without_a_fitting_time_does_not_count():
    match = score(TARO, opening(weekdays=frozenset({1}), times=frozenset({"pm"})))
    assert match.reasons == ("石神井", "防災")


def test_an_opening_without_times_fits_on_the_weekday_alone():
    assert score(TARO, opening(weekdays=frozenset({3}))).reasons[0] == "木曜"


def test_skills_and_languages_add_to_the_score_and_the_reason():
    match = score(TARO, opening(skills=frozenset({"driving", "cooking"})))
    assert "車の運転" in match.reasons and "料理" not in match.reasons
    language = score(MARIA, opening(field="green", area_id=OIZUMI, area_name="大泉", suitable_for=frozenset({"language"})))
    assert language.reasons[-1] == "外国語を活かせる"


def test_nothing_in_common_scores_zero():
    assert score(MARIA, opening(weekdays=frozenset({1}), times=frozenset({"am"}))).score == 0


def test_the_same_openings_rank_differently_for_different_profiles():
    tuesday_shakujii_disaster = opening(weekdays=frozenset({1}), times=frozenset({"am"}))
    saturday_oizumi_green = opening(field="green", area_id=OIZUMI, area_name="大泉", weekdays=frozenset({5}),
                                    times=frozenset({"pm"}))
    assert score(TARO, tuesday_shakujii_disaster).score > score(TARO, saturday_oizumi_green).score
    assert score(MARIA, saturday_oizumi_green).score > score(MARIA, tuesday_shakujii_disaster).score


def test_matching_openings_ranks_best_first_and_leaves_out_closed_and_unpublished(organization, resident):
    profile = make_profile(resident, fields=("disaster",), area_slugs=("shakujii",), weekdays=(1,), times=("am",))
    best = make_opening(organization, title="best", weekdays=(1,), times=("am",))
    area_only = make_opening(organization, title="area only", field="farm", weekdays=(5,))
    field_only = make_opening(organization, title="field only", area_slug="oizumi", weekdays=(5,))
    make_opening(organization, title="closed", closes_in=-1)
    make_opening(organization, title="draft", status="draft")
    make_opening(organization, title="unrelated", field="eco", area_slug="nerima")
    ranked = matching_openings(ProfileFacts.of(profile))
    assert [item.opening for item in ranked] == [best, field_only, area_only]


def test_a_graduates_finished_field_counts_as_a_chosen_field(organization, resident, client):
    course = make_course(make_cohort(), organization, field="farm")
    make_college_application(course, resident, status=CollegeApplication.Status.GRADUATED)
    make_profile(resident, fields=(), area_slugs=("nerima",), weekdays=(), times=())
    farm = make_opening(organization, field="farm", area_slug="oizumi")
    client.force_login(resident)
    response = client.get(reverse("volunteers:matches"))
    assert [item.opening for item in response.context["page"]] == [farm]
    assert "農" in response.content.decode()


def test_the_match_page_shows_the_reason(organization, resident, client):
    make_profile(resident)
    make_opening(organization, title="防災倉庫の点検", weekdays=(1,), times=("am",))
    client.force_login(resident)
    body = client.get(reverse("volunteers:matches")).content.decode()
    assert "火曜午前・石神井・防災" in body


def test_without_a_profile_the_match_page_asks_for_one(resident, client):
    client.force_login(resident)
    assert client.get(reverse("volunteers:matches")).url == reverse("volunteers:profile_edit")


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_match_list_has_a_fixed_query_budget(organization, resident, client, django_assert_max_num_queries, rows):
    make_profile(resident, weekdays=(1, 2), times=("am",))
    opening_rows(organization, rows)
    client.force_login(resident)
    # session + user, profile + its areas, finished College fields, the bounded candidate query (with
    # organization and area joined), user.memberships in the header, and a few for the page shell.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("volunteers:matches"))
    assertContains(response, response.context["page"].object_list[0].opening.title)
    assert len(response.context["page"].object_list) == min(rows, 20)


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_public_opening_list_has_a_fixed_query_budget(organization, client, django_assert_max_num_queries, rows):
    opening_rows(organization, rows)
    # count for the paginator, the ids of one page (both cached per search), for the entries not cached (all, here)
    # those openings with organization/area/place joined, page shell.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("volunteers:openings"), {"field": "disaster"})
    ids = response.context["page"].object_list
    assert len(ids) == min(rows, 20)
    assertContains(response, Opening.objects.get(pk=ids[0]).title)
    assertContains(response, 'aria-label="募集の特徴"', count=len(ids))
