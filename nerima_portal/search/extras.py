"""What the index holds besides a listing's own fields: readings, a café's activities, the venues of its
visits. Read in bulk for a batch of listings (one query per extra, never one per listing)."""

from cafes.queries import activity_names_by_listing
from nerima_portal.search.readings import reading


def attach_extras(listings) -> None:
    """Give each listing of a rebuild batch its `search_extras` (a list of words)."""
    activities = activity_names_by_listing([listing.pk for listing in listings])
    for listing in listings:
        listing.search_extras = activities.get(listing.pk, [])


def listing_extra_words(listing, own_words) -> list[str]:
    """Readings of every word of the listing (stored よみ are already among own_words), plus its extras."""
    extras = list(getattr(listing, "search_extras", []))
    words = [*own_words, *extras]
    readings = [reading(word) for word in words if word]
    return [*extras, *(text for text in readings if text)]


def organization_extra_words(own_words) -> list[str]:
    return [text for text in (reading(word) for word in own_words if word) if text]
