"""The kernel's demo data: organizations of every kind, places in all four areas, work waiting for staff."""

from community import demo
from community.models import Area, Listing, Membership, Organization, Place, PublicationStatus


def _counts():
    return [m.objects.count() for m in (Organization, Membership, Place, Listing)]


def test_demo_data_covers_every_kind_and_area_and_is_idempotent(demo_data):
    first = _counts()  # after the first load (the demo_data fixture)
    demo.load()
    assert _counts() == first
    assert set(Organization.objects.values_list("kind", flat=True)) == set(Organization.Kind.values)
    assert set(Place.objects.values_list("chome__town__area", flat=True)) == set(Area.objects.values_list("pk", flat=True))
    assert Organization.objects.filter(status=PublicationStatus.PENDING).count() >= 2
    returned = Organization.objects.get(status=PublicationStatus.RETURNED)
    assert returned.review_note and returned.memberships.filter(role="representative").exists()
    assert Listing.objects.filter(status=PublicationStatus.PENDING).exists()
    assert Place.objects.filter(organization__isnull=False).count() >= 8
    # One demo login per kind of organization.
    kinds_with_login = set(
        Membership.objects.filter(user__email__endswith="@demo.nerima.example.jp").values_list("organization__kind", flat=True)
    )
    assert kinds_with_login == set(Organization.Kind.values)
