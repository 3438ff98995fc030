"""Apps plug into the site search through community.registry.search_sources: the search finds a care café by what
it offers and leaves out openings past their deadline, without nerima_portal naming their fields."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

from cafes.models import Activity
from community import registry
from tests.cafes.conftest import make_care_cafe
from tests.volunteers.factories_college import make_opening

pytestmark = pytest.mark.django_db
SEARCH_PACKAGE = Path(__file__).resolve().parents[2] / "nerima_portal" / "search"


def _titles(client, query: str, **params) -> set[str]:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return {hit.title for group in response.context.get("groups") or [] for hit in group.hits}


def test_the_cafes_and_volunteers_apps_register_their_search_sources():
    names = {source.name for source in registry.search_sources}

    assert {"cafes", "volunteers"} <= names


def test_a_cafe_given_an_activity_is_found_by_it_at_once(client, organization, place):
    cafe = make_care_cafe(organization, title="ひだまりカフェ", title_kana="ひだまりかふぇ", place=place)
    assert "ひだまりカフェ" not in _titles(client, "健康相談")

    cafe.activities.add(Activity.objects.get(code=Activity.HEALTH_CONSULTATION))

    assert "ひだまりカフェ" in _titles(client, "健康相談")


def test_renaming_an_activity_makes_its_cafes_findable_by_the_new_name(client, organization, place):
    make_care_cafe(organization, title="ひだまりカフェ", title_kana="ひだまりかふぇ", place=place, activities=["health"])
    activity = Activity.objects.get(code=Activity.HEALTH_CONSULTATION)
    assert "ひだまりカフェ" not in _titles(client, "血圧測定")

    activity.name = "健康相談と血圧測定"
    activity.save()

    assert "ひだまりカフェ" in _titles(client, "血圧測定")


def test_an_opening_is_found_until_its_deadline_and_not_after(client, organization):
    make_opening(organization, title="防災倉庫の点検ボランティア", closes_in=3)
    make_opening(organization, title="締切の過ぎた防災訓練の手伝い", closes_in=-1)

    found = _titles(client, "防災")

    assert "防災倉庫の点検ボランティア" in found
    assert "締切の過ぎた防災訓練の手伝い" not in found


def test_an_opening_without_a_place_is_found_in_the_area_it_names(client, organization, place):
    make_opening(organization, title="石神井の防災倉庫の点検", area_slug="shakujii")
    make_opening(organization, title="光が丘の防災倉庫の点検", area_slug="hikarigaoka")

    found = _titles(client, "防災倉庫", area="shakujii")

    assert found == {"石神井の防災倉庫の点検"}


def test_the_search_package_names_no_other_apps_models_or_lookups():
    """nerima_portal/search reaches other apps only through their queries module (and the registry)."""
    others = ("cafes", "hiroba", "international", "projects", "volunteers")
    lookups = ("opening__", "carecafe__", "kidscafe__", "childcarelecture__", "activities__", "plaza__")
    for path in SEARCH_PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in others:
                assert node.module.endswith(".queries"), f"{path.name} imports {node.module}"
            if isinstance(node, ast.keyword) and node.arg:
                assert not node.arg.startswith(lookups), f"{path.name} filters on {node.arg}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not node.value.startswith(lookups), f"{path.name} names {node.value}"
