"""An area's page shows where its public activities happen, on a map drawn only when asked."""

from django.urls import reverse

from community.models import PublicationStatus
from tests.conftest import make_listing, make_place


def test_the_area_page_maps_the_places_of_public_listings_in_the_area(client, organization):
    held = make_place("石神井の会館", town="石神井町", number=2)
    make_listing(organization, place=held)
    draft_only = make_place("下書きだけの会場", town="石神井町", number=3)
    make_listing(organization, place=draft_only, status=PublicationStatus.DRAFT, title="下書き")
    elsewhere = make_place("練馬の会館", town="豊玉北", number=5)
    make_listing(organization, place=elsewhere)

    response = client.get(reverse("volunteers:area_detail", args=["shakujii"]))

    names = [point["name"] for point in response.context["map"]["places"]]
    assert names == ["石神井の会館"]
    body = response.content.decode()
    assert 'id="area-map-points"' in body and "地図を表示する" in body
    assert "居場所や活動が開かれている場所：1か所" in body
