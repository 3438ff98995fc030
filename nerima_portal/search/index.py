"""Keep the search index in step with listings and organizations, without touching their save paths.

Each index row remembers the `updated_at` of the listing and organization it was built from. Before a search
runs, `index_refresh()` rebuilds the rows whose source has changed since (or that are missing): one query
finds them, one bulk upsert per 500 writes them, so nothing is ever stale and nobody's service has to call us.
`Place`, `Town` and `Area` carry no timestamp: after renaming one, run `manage.py search_reindex`.
"""

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils import translation

from community.models import Listing, Organization
from nerima_portal.models import ListingSearchText, OrganizationSearchText
from nerima_portal.search.extras import attach_extras, listing_extra_words, organization_extra_words
from nerima_portal.search.folding import fold_all
from nerima_portal.search.readings import reading

BATCH = 500


def kind_label(kind: str) -> str:
    """The Japanese name of a listing kind, e.g. 街かどケアカフェ (the index is always Japanese)."""
    try:
        model = apps.get_model(kind)
    except (LookupError, ValueError):
        return ""
    with translation.override("ja"):
        return str(model._meta.verbose_name)


def _place_words(place) -> list[str]:
    if place is None:
        return []
    town = place.chome.town
    return [place.name, place.name_kana, place.address, town.name, town.name_kana, town.area.name, town.area.name_kana]


def listing_search_text(listing: Listing) -> ListingSearchText:
    organization = listing.organization
    own = [
        listing.title, listing.title_kana, listing.summary, listing.description, listing.audience,
        kind_label(listing.kind), organization.name, organization.name_kana, *_place_words(listing.place),
    ]
    return ListingSearchText(
        listing=listing,
        title_text=fold_all(listing.title, listing.title_kana, reading(listing.title)),
        text=fold_all(*own, *listing_extra_words(listing, own)),
        listing_updated_at=listing.updated_at,
        organization_updated_at=organization.updated_at,
    )


def organization_search_text(organization: Organization) -> OrganizationSearchText:
    area = organization.area
    with translation.override("ja"):
        kind = str(organization.get_kind_display())
    own = [
        organization.name, organization.name_kana, organization.description, kind, organization.address,
        area.name if area else "", area.name_kana if area else "",
    ]
    return OrganizationSearchText(
        organization=organization,
        title_text=fold_all(organization.name, organization.name_kana),
        text=fold_all(*own, *organization_extra_words(own)),
        organization_updated_at=organization.updated_at,
    )


def stale_listings():
    fresh = ListingSearchText.objects.filter(
        listing=OuterRef("pk"),
        listing_updated_at=OuterRef("updated_at"),
        organization_updated_at=OuterRef("organization__updated_at"),
    )
    return Listing.objects.filter(~Exists(fresh))


def stale_organizations():
    fresh = OrganizationSearchText.objects.filter(
        organization=OuterRef("pk"), organization_updated_at=OuterRef("updated_at")
    )
    return Organization.objects.filter(~Exists(fresh))


def _rebuild(queryset, build, model, key: str) -> int:
    """Upsert the index rows built from queryset in pk order, BATCH at a time (one INSERT … ON CONFLICT each)."""
    fields = [f.name for f in model._meta.concrete_fields if f.name != key]
    written, last_pk = 0, 0
    while True:
        # Keyset pages rather than a cursor: we write to the index while reading, and SQLite shares one snapshot.
        sources = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:BATCH])
        if sources and model is ListingSearchText:
            attach_extras(sources)  # activities of the batch in one query
        if sources:
            rows = [build(source) for source in sources]
            model.objects.bulk_create(rows, update_conflicts=True, unique_fields=[key], update_fields=fields)
            written, last_pk = written + len(rows), sources[-1].pk
        if len(sources) < BATCH:
            return written


def index_refresh(*, everything: bool = False) -> int:
    """Rebuild stale index rows (all rows with everything=True); returns how many were written."""
    listings = Listing.objects.all() if everything else stale_listings()
    organizations = Organization.objects.all() if everything else stale_organizations()
    return _rebuild(
        listings.select_related("organization", "place__chome__town__area"),
        listing_search_text, ListingSearchText, "listing",
    ) + _rebuild(organizations.select_related("area"), organization_search_text, OrganizationSearchText, "organization")
