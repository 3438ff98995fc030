"""What the site layer (open data, the API, feeds) may read of the kernel: public rows only.

Published listings of published organizations, the places they use, and their sessions. Sign-ups and members
never leave through here.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from community.models import Listing, Place, PublicationStatus, Session


def public_listings():
    return Listing.objects.published().select_related("organization", "place__chome__town__area")


def public_sessions():
    return (
        Session.objects.filter(listing__status=PublicationStatus.PUBLISHED,
                               listing__organization__status=PublicationStatus.PUBLISHED)
        .select_related("listing__organization", "listing__place__chome__town__area", "place__chome__town__area")
    )


def upcoming_public_sessions(*, now=None):
    return public_sessions().filter(ends_at__gt=now or timezone.now())


def public_places():
    """Places where a public listing is held (its main place, or a session's own venue)."""
    used = Q(Exists(public_listings().filter(place=OuterRef("pk")))) | Q(
        Exists(public_sessions().filter(place=OuterRef("pk")))
    )
    return Place.objects.filter(used).select_related("chome__town__area", "organization")


def venue_in_area(area) -> Q:
    """A session's venue is its own place when it has one (出張型), else its listing's place."""
    return Q(place__chome__town__area=area) | Q(place__isnull=True, listing__place__chome__town__area=area)


def coordinates(place) -> tuple:
    """(latitude, longitude, is_representative_point): the place's own point, else its 丁目's representative point."""
    if place is None:
        return None, None, False
    if place.latitude is not None and place.longitude is not None:
        return place.latitude, place.longitude, False
    return place.chome.latitude, place.chome.longitude, place.chome.latitude is not None
