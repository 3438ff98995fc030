"""Cached pieces of pages: list cards and finder forms, rendered once per content version and language.

A list page of 20 cards renders each card from the cache or, for the ones missing, from its template: one
get_many and one set_many for the whole list, not a round trip per card. Keys carry the content version
(community/content_version.py), so any publish, edit, sign-up or cancellation retires every fragment at once.
Fragments are the HTML before ふりがな is added (the whole page gets its readings afterwards).

A list page reads only the ids of its rows; RowsById loads the rows themselves for the cards not cached. A piece
of a page that is not a list of cards (a finder's answers, search results, a month's grid) is a cached_value().

A fragment that lists coming sessions also changes when one of them starts, which no write announces: such
fragments add first_upcoming_session_id() to their key.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from community import content_version

TIMEOUT = 60 * 60  # a fragment outlives no content change anyway; this only bounds memory


def version_for(request) -> int:
    """The content version for this request (read once; the page cache may already have read it)."""
    if request is None:
        return content_version.current()
    if getattr(request, "content_version", None) is None:
        request.content_version = content_version.current()
    return request.content_version


def cached_fragments(
    template_name: str,
    objects: Iterable,
    *,
    key: Callable[[object], object],
    context: Callable[[object], dict],
    request=None,
    before_render: Callable[[list], None] | None = None,
) -> list[SafeString]:
    """The rendered `template_name` for each object, in order; `key(obj)` must name everything the fragment shows
    that is not in the content version (e.g. which session the card features). `before_render(missing)` may load
    what only a render needs (say, a prefetch) for the objects that have to be rendered."""
    objects = list(objects)
    prefix = f"fragment:{template_name}:{translation.get_language()}:{version_for(request)}:"
    keys = [f"{prefix}{key(obj)}" for obj in objects]
    found = cache.get_many(keys)
    missing = [obj for obj, k in zip(objects, keys, strict=True) if k not in found]
    if missing:
        if before_render is not None:
            before_render(missing)
        template = get_template(template_name)
        rendered = {}
        for obj, k in zip(objects, keys, strict=True):
            if k not in found:
                rendered[k] = template.render(context(obj))
        cache.set_many(rendered, TIMEOUT)
        found.update(rendered)
    return [mark_safe(found[k]) for k in keys]  # noqa: S308 (our own templates' output, escaped when rendered)


class RowsById:
    """The objects of a list page, read only when a card that is not cached (or the page itself) needs them.

    `rows` are what the page lists: ids, or rows that name their object's id (`pk=` says how); `load(rows)`
    returns the objects of those rows, each with its `pk`. Pass `load` as cached_fragments' before_render and
    `of(row)` in its context."""

    def __init__(self, rows: Iterable, load: Callable[[list], Iterable], *, pk: Callable = lambda row: row):
        self.rows, self._load, self._pk = list(rows), load, pk
        self._loaded: dict = {}

    def load(self, rows) -> None:
        missing = [row for row in rows if self._pk(row) not in self._loaded]
        if missing:
            self._loaded.update((obj.pk, obj) for obj in self._load(missing))

    def of(self, row):
        return self._loaded[self._pk(row)]

    def all(self) -> list:
        self.load(self.rows)
        return [self.of(row) for row in self.rows]


def cached_value(
    name: str, address: str, compute: Callable[[], object], *, request, seconds: int,
    fresh: Callable[[object], bool] | None = None, version: int | None = None,
):
    """`compute()`, kept in the shared cache per content version, language and `address` (everything else the value
    depends on) for at most `seconds`; `fresh(value)`, when given, says whether a value found may still be used.
    `version`: a narrower version the value depends on instead (content_version.schedule_current())."""
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    version = version_for(request) if version is None else version
    key = f"{name}:{translation.get_language()}:{version}:{digest}"
    found = cache.get(key)
    if found is None or (fresh is not None and not fresh(found)):
        found = compute()
        cache.set(key, found, seconds)
    return found


class CountedRows:
    """What a Paginator sees of a cached answer: the number found and the rows of the one page asked."""

    def __init__(self, count: int, rows: list):
        self._count, self._rows = count, rows

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, page: slice) -> list:
        return self._rows


def cached_page(name: str, address: str, items, *, request, per_page: int, seconds: int, valid_until=None):
    """The Paginator page of `items` (ids or other small rows) the request asks for (?page=), its count and rows kept
    as a cached_value (per content version, language and `address`: the search). `valid_until()`, read before the
    items, is the moment after which the answer may no longer hold without any write (None: none such)."""
    from django.core.paginator import Paginator
    from django.utils import timezone

    def compute():
        until = valid_until() if valid_until is not None else None
        page = Paginator(items, per_page).get_page(request.GET.get("page"))
        return page.paginator.count, page.number, list(page.object_list), until

    count, number, rows, _until = cached_value(
        name, address, compute, request=request, seconds=seconds,
        fresh=lambda found: found[3] is None or timezone.now() <= found[3],
    )
    return Paginator(CountedRows(count, rows), per_page).page(number)


def next_session_start():
    """When the soonest session still ahead (of any listing) starts, or None. Until then no session starts, so what
    was read from the coming sessions stays right as long as the content version does (writes move it)."""
    from django.utils import timezone

    from community.models import Session

    now = timezone.now()
    return Session.objects.filter(starts_at__gte=now).order_by("starts_at").values_list("starts_at", flat=True).first()


def first_upcoming_session_id(listings) -> int | None:
    """The soonest session still ahead of these listings (ids or instances). With the content version, the key of a
    cached list of their coming sessions: edits, sign-ups and cancellations move the version; time changes the list
    only when a session starts, and the first to start is this one (ties start together), so while it is still
    ahead no session of theirs has started."""
    from community.models import Session
    from community.models.listings import upcoming_filter

    sessions = Session.objects.filter(upcoming_filter(), listing__in=listings).order_by("starts_at", "pk")
    return sessions.values_list("pk", flat=True).first()
