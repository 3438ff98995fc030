"""An organization page's body is a cached fragment: a new or withdrawn listing and an edited place show on the next
render, in 日本語, with ふりがな and in English."""

import pytest
from django.urls import reverse

from community.models import PublicationStatus
from community.services.moderation import publishable_unpublish
from tests.conftest import make_listing
from tests.fragments import page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


def test_listings_and_places_show_on_the_organization_page_at_once(visitor, organization, place):
    url = reverse("community:organization_detail", args=[organization.pk])
    first = make_listing(organization, title="あさのたいそう", place=place)
    assert "あさのたいそう" in page(visitor, url)

    make_listing(organization, title="よるのおちゃかい", place=place, status=PublicationStatus.PUBLISHED)
    publishable_unpublish(obj=first)

    after = page(visitor, url)
    assert "よるのおちゃかい" in after and "あさのたいそう" not in after

    place.organization = organization
    place.building = "にかいの おへや"
    place.save()
    assert "にかいの おへや" in page(visitor, url)
