"""Keep the search index in step with listings and organizations: on write, never on read.

Saving a listing (any kind), an organization, a place, a town or an area rewrites the index rows built from it
(signal receivers below, connected in nerima_portal/apps.py; their only job is this index). A search therefore
reads the index as it is and is found right after a publish or an edit. Writes that send no signals (bulk_create,
update) are caught up by `manage.py search_reindex --stale`: each row remembers the `updated_at` of the listing
and organization it was built from, and `index_refresh()` rebuilds the rows whose source changed since.
"""

from contextlib import ExitStack, contextmanager

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils import translation

from community import registry
from community.deferred_writes import DeferredWrites
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


def index_listings(queryset) -> int:
    """Rebuild the index rows of these listings now (at the end of writes_deferred() inside one)."""
    if LISTINGS.collected(lambda: queryset.values_list("pk", flat=True)):
        return 0
    return _rebuild(
        queryset.select_related("organization", "place__chome__town__area"), listing_search_text, ListingSearchText,
        "listing",
    )


def index_organizations(queryset) -> int:
    if ORGANIZATIONS.collected(lambda: queryset.values_list("pk", flat=True)):
        return 0
    return _rebuild(queryset.select_related("area"), organization_search_text, OrganizationSearchText, "organization")


# Inside writes_deferred(): each listing's and organization's row written once, at the block's end (a loader saves
# a café three times, and each save rebuilt its row).
LISTINGS = DeferredWrites("search_listings_deferred", lambda ids: index_listings(Listing.objects.filter(pk__in=ids)))
ORGANIZATIONS = DeferredWrites(
    "search_organizations_deferred", lambda ids: index_organizations(Organization.objects.filter(pk__in=ids))
)


@contextmanager
def writes_deferred():
    with ExitStack() as stack:
        stack.enter_context(LISTINGS.deferred())  # left last: an organization's row is written before its listings'
        stack.enter_context(ORGANIZATIONS.deferred())
        yield


# --- receivers (post_save), connected in nerima_portal/apps.py ------------------------------------------------------


def listing_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw and isinstance(instance, Listing):
        index_listings(Listing.objects.filter(pk=instance.pk))


def organization_saved(sender, instance, raw=False, **kwargs) -> None:
    """The organization's own row, and its listings' (their text holds its name and reading)."""
    if not raw:
        index_organizations(Organization.objects.filter(pk=instance.pk))
        index_listings(Listing.objects.filter(organization=instance))


def place_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        index_listings(Listing.objects.filter(place=instance))


def town_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        index_listings(Listing.objects.filter(place__chome__town=instance))


def area_saved(sender, instance, raw=False, **kwargs) -> None:
    """An area renamed: its listings and organizations (rare, a staff edit)."""
    if not raw:
        index_listings(Listing.objects.filter(place__chome__town__area=instance))
        index_organizations(Organization.objects.filter(area=instance))


def record_saved(sender, instance, raw=False, **kwargs) -> None:
    """A record an app feeds into listings' index text (community.registry.search_sources `feeds`) was saved."""
    if raw:
        return
    for source in registry.search_sources:
        for model, listing_ids in source.feeds:
            if isinstance(instance, model):
                index_listings(Listing.objects.filter(pk__in=list(listing_ids(instance))))


def relation_changed(sender, instance, action, model, pk_set=None, reverse=False, **kwargs) -> None:
    """m2m_changed of any relation of a listing (a café's activities): its index text may hold the other side."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, Listing):
        index_listings(Listing.objects.filter(pk=instance.pk))
    elif issubclass(model, Listing) and pk_set:
        index_listings(Listing.objects.filter(pk__in=pk_set))
