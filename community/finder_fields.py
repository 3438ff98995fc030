"""What the finders filter and sort on, stored so that an index answers instead of a scan of every row.

- Session.local_weekday / local_time / venue_place: copied by Session.save() and Session.objects.bulk_create
  (community/models/sessions.py); a listing that moves takes its sessions without a place of their own along
  (`listing_saved`).
- Listing.next_session_at: the start of the listing's next session that is not cancelled. Recomputed when its
  sessions change (post_save/post_delete of a Session, and bulk_create) and, because time passes without any
  write, by `manage.py refresh_next_sessions` (cron, every few minutes): a session that has started is no longer
  the next one.

A listing may host others: a kids' café hosts the lectures given there, and its next session is its own or a
published hosted listing's, whichever comes first. The app registers the relation in AppConfig.ready()
(`register_hosted_listings`), so the kernel never names it and the finder reads one stored date per café.
"""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from community.content_version import content_changed
from community.deferred_writes import DeferredWrites

# host kind → (hosted kind, lookup from a Listing to its host), e.g. "cafes.kidscafe" →
# ("cafes.childcarelecture", "childcarelecture__kids_cafe")
HOSTED: dict[str, tuple[str, str]] = {}


def register_hosted_listings(host_model, hosted_model, field: str) -> None:
    """Sessions of `hosted_model` listings count for the `host_model` listing their `field` points at."""
    HOSTED[host_model._meta.label_lower] = (hosted_model._meta.label_lower, f"{hosted_model._meta.model_name}__{field}")


def _next_start(hosted_lookup: str | None = None):
    """The start of the listing's next session; a host's counts the published listings it hosts too.

    Two index-served subqueries and the earlier of them, not one subquery over `listing = X OR hosted by X`:
    PostgreSQL cannot use an index for that OR and read every upcoming session for each listing (a refresh of
    1,000 cafés with 20,000 sessions ran for minutes)."""
    from community.models import PublicationStatus, Session

    upcoming = Session.objects.filter(starts_at__gte=timezone.now(), is_cancelled=False).order_by("starts_at")
    own = Subquery(upcoming.filter(listing=OuterRef("pk")).values("starts_at")[:1])
    if not hosted_lookup:
        return own
    hosted = Subquery(upcoming.filter(
        **{f"listing__{hosted_lookup}": OuterRef("pk"), "listing__status": PublicationStatus.PUBLISHED}
    ).values("starts_at")[:1])
    # LEAST skips NULL on PostgreSQL but not on SQLite: each side falls back to the other.
    return Least(Coalesce(own, hosted), Coalesce(hosted, own))


def _hosts_of(listing_ids: set[int]) -> set[int]:
    from community.models import Listing

    hosts: set[int] = set()
    for hosted_kind, lookup in HOSTED.values():
        hosted = Listing.objects.filter(pk__in=listing_ids, kind=hosted_kind)
        hosts |= set(hosted.values_list(lookup, flat=True))
    return hosts


def listings_refresh(listing_ids) -> int:
    """Recompute next_session_at of these listings and of the listings hosting them; returns rows updated."""
    from community.models import Listing

    listing_ids = {pk for pk in listing_ids if pk is not None}
    if NEXT_SESSIONS.collected(lambda: listing_ids):
        return 0
    if not listing_ids:
        return 0
    listing_ids |= _hosts_of(listing_ids)
    listings = Listing.objects.filter(pk__in=listing_ids)
    updated = listings.exclude(kind__in=HOSTED).update(next_session_at=_next_start())
    for host_kind, (_hosted_kind, lookup) in HOSTED.items():
        updated += listings.filter(kind=host_kind).update(next_session_at=_next_start(lookup))
    content_changed()  # update() sends no save signal, and lists show these dates
    return updated


# Inside refresh_deferred(): each listing refreshed once at the block's end (the demo loader writes hundreds of
# sessions per College course and refreshed the course after each).
NEXT_SESSIONS = DeferredWrites("next_sessions_deferred", listings_refresh)
refresh_deferred = NEXT_SESSIONS.deferred


def listings_refresh_passed(*, now=None) -> int:
    """Recompute the listings whose stored next session has started (found on the next_session_at index)."""
    from community.models import Listing

    passed = set(Listing.objects.filter(next_session_at__lt=now or timezone.now()).values_list("pk", flat=True))
    return listings_refresh(passed)


def listings_refresh_all(*, batch: int = 2000) -> int:
    """Recompute every listing (after an import or a restore), in batches so no transaction grows large."""
    from community.models import Listing

    ids = list(Listing.objects.order_by("pk").values_list("pk", flat=True))
    return sum(listings_refresh(ids[start : start + batch]) for start in range(0, len(ids), batch))


def session_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save/post_delete of a Session: its listing's next session may have changed."""
    if not raw:
        listings_refresh({instance.listing_id})


def listing_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save of any Listing: its sessions without a place follow it when it moves; a hosted listing that was
    published or withdrawn counts (or stops counting) for its host."""
    from community.models import Listing, Session

    if raw or not isinstance(instance, Listing):
        return
    Session.objects.filter(listing_id=instance.pk, place__isnull=True).exclude(venue_place_id=instance.place_id).update(
        venue_place_id=instance.place_id
    )
    if any(instance.kind == hosted_kind for hosted_kind, _lookup in HOSTED.values()):
        listings_refresh(_hosts_of({instance.pk}))
