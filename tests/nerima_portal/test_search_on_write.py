"""The search index is written when listings, organizations and places are saved, never when someone searches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import PublicationStatus
from community.services.moderation import publishable_approve
from tests.cafes.conftest import make_care_cafe

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE")


def search(client, q: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200
    # A search only reads: the index it reads was written when the listing was.
    assert not [query["sql"] for query in queries.captured_queries if query["sql"].startswith(WRITES)]
    return response.content.decode()


def test_a_listing_is_found_right_after_staff_approve_it(client, organization, place):
    cafe = make_care_cafe(organization, title="ひだまりケアカフェ", title_kana="ひだまりけあかふぇ", place=place,
                          status=PublicationStatus.PENDING)
    assert "ひだまりケアカフェ" not in search(client, "ひだまり")

    publishable_approve(obj=cafe)

    assert "ひだまりケアカフェ" in search(client, "ひだまり")


def test_renaming_a_place_makes_its_listings_findable_by_the_new_name(client, organization, place):
    make_care_cafe(organization, title="体操カフェ", title_kana="たいそうかふぇ", place=place)
    assert "体操カフェ" not in search(client, "ゆりの木会館")

    place.name = "ゆりの木会館"
    place.save()

    assert "体操カフェ" in search(client, "ゆりの木会館")


def test_an_unpublished_listing_leaves_the_results_at_once(client, organization, place):
    cafe = make_care_cafe(organization, title="ひだまりケアカフェ", title_kana="ひだまりけあかふぇ", place=place)
    assert "ひだまりケアカフェ" in search(client, "ひだまり")

    cafe.status = PublicationStatus.ENDED
    cafe.save()

    assert "ひだまりケアカフェ" not in search(client, "ひだまり")
