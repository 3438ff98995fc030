"""What the index holds besides a listing's own fields: readings, and the words apps add through
community.registry.search_sources (a café's activities …). Read in bulk for a batch of listings (one query per
source, never one per listing)."""

from community import registry
from nerima_portal.search.readings import reading


def attach_extras(listings) -> None:
    """Give each listing of a rebuild batch its `search_extras` (a list of words)."""
    ids = [listing.pk for listing in listings]
    extras: dict[int, list[str]] = {}
    for source in registry.search_sources:
        if source.extra_words is not None:
            for pk, words in source.extra_words(ids).items():
                extras.setdefault(pk, []).extend(words)
    for listing in listings:
        listing.search_extras = extras.get(listing.pk, [])


def listing_extra_words(listing, own_words) -> list[str]:
    """Readings of every word of the listing (stored よみ are already among own_words), plus its extras."""
    extras = list(getattr(listing, "search_extras", []))
    words = [*own_words, *extras]
    readings = [reading(word) for word in words if word]
    return [*extras, *(text for text in readings if text)]


def organization_extra_words(own_words) -> list[str]:
    return [text for text in (reading(word) for word in own_words if word) if text]
