"""Public pages: the care-café and kids'-café finders and detail pages (no account needed)."""

import hashlib

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject, cached_property

from cafes.filters import CareCafeFilter, KidsCafeFilter
from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from cafes.selectors import detail_map, finder_map, listing_upcoming_sessions
from community.fragments import (
    RowsById,
    cached_fragments,
    cached_page,
    first_upcoming_session_id,
    next_session_start,
)
from community.templatetags import maps

# At most as long as a cached page (sessions starting are checked by the answer itself).
ANSWER_SECONDS = 5 * 60


def _finder(request, filter_class, queryset, template: str, card: str, *, card_needs=()):
    # Always bound (an empty query is a valid search); invalid values show an error and are ignored.
    finder = filter_class(request.GET, queryset=queryset)
    origin = finder.form.origin if finder.form.is_valid() else None
    results = finder.results()
    # The count and the page's rows (ids) are the SQL of a finder with criteria: cached per search (the whole query
    # string). A write moves the content version; a session starting (no write) changes which sessions are ahead,
    # so an answer is used only until the ward's soonest coming session, read before it, has started.
    page = cached_page(
        f"cafe-answer-{queryset.model._meta.model_name}", request.GET.urlencode(), results, request=request,
        per_page=settings.PAGE_SIZE, seconds=ANSWER_SECONDS, valid_until=next_session_start,
    )
    rows = page.object_list

    def load(missing):
        loaded = results.load(missing)
        prefetch_related_objects(loaded, *card_needs)
        return loaded

    cafes = RowsById(rows, load, pk=lambda row: row.pk)
    # A card shows its café and the session it features (the next one that matches the search), at its distance.
    cards = cached_fragments(
        card, rows, request=request, key=lambda row: row.card_key,
        context=lambda row: {"cafe": cafes.of(row)}, before_render=cafes.load,
    )
    # The map shows the same cafés as the cards (and the typed place): cached under the same keys.
    map_key = hashlib.md5(  # noqa: S324 (a cache key, not a secret)
        repr((origin and (origin.label, origin.latitude, origin.longitude), [row.card_key for row in rows])).encode()
    ).hexdigest()
    map_panel = cached_fragments(
        "includes/map_panel.html", [map_key], request=request, key=str,
        context=lambda _key: maps.map_panel(finder_map(cafes.all(), origin), "finder-map"),
    )[0] if rows else ""
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": finder, "page_obj": page, "cafes": SimpleLazyObject(cafes.all), "cards": cards, "origin": origin,
        "map_panel": map_panel,
        # The finder form's fragment depends on what was asked, not on the page number.
        "finder_key": query.urlencode(),
    }
    return render(request, template, context)


def index(request):
    """居場所をさがす: the care-café finder (kids' cafés are one link away)."""
    return _finder(
        request, CareCafeFilter, CareCafe.objects.published(), "cafes/index.html", "cafes/_care_card.html",
        card_needs=["activities"],
    )


class _CareBody:
    """What a care café page's body shows beyond the café, read only when its cached fragment is missing."""

    def __init__(self, cafe):
        self._cafe = cafe

    @cached_property
    def cafe(self):
        prefetch_related_objects([self._cafe], "activities", "schedules__place")
        return self._cafe

    @cached_property
    def sessions(self):
        return listing_upcoming_sessions([self._cafe.pk])

    @cached_property
    def map(self):
        return detail_map(self._cafe, self.sessions)


def care_detail(request, pk):
    cafe = get_object_or_404(CareCafe.objects.published().with_place().with_fiction(), pk=pk)
    # The body is a cached fragment: the content version covers every edit, sign-up and cancellation, the first
    # coming session time passing (a session that has started leaves the list).
    context = {"cafe": cafe, "body": _CareBody(cafe), "sessions_key": first_upcoming_session_id([cafe.pk])}
    return render(request, "cafes/care_detail.html", context)


def kids_index(request):
    return _finder(request, KidsCafeFilter, KidsCafe.objects.published(), "cafes/kids_index.html", "cafes/_kids_card.html")


class _KidsBody:
    """What a kids' café page's body shows beyond the café, read only when its cached fragment is missing."""

    def __init__(self, cafe, lectures):
        self._cafe, self._lectures = cafe, lectures

    @cached_property
    def cafe(self):
        prefetch_related_objects([self._cafe], "schedules")
        return self._cafe

    @cached_property
    def lecture_sessions(self):
        by_pk = {lecture.pk: lecture for lecture in self._lectures.select_related("organization").by_reading()}
        lecture_sessions = listing_upcoming_sessions(list(by_pk), limit=20)
        anchored = set()
        for session in lecture_sessions:
            session.lecture = by_pk[session.listing_id]
            # A lecture's URL ends in #lecture-<pk>: only its first session carries that id (ids are unique).
            session.is_lecture_anchor = session.listing_id not in anchored
            anchored.add(session.listing_id)
        return lecture_sessions

    @cached_property
    def sessions(self):
        return listing_upcoming_sessions([self._cafe.pk])

    @cached_property
    def map(self):
        return detail_map(self._cafe, self.sessions + self.lecture_sessions)


def kids_detail(request, pk):
    cafe = get_object_or_404(KidsCafe.objects.published().with_place().with_fiction(), pk=pk)
    lectures = ChildcareLecture.objects.published().filter(kids_cafe=cafe)
    # The body is a cached fragment (see care_detail), keyed on the first coming session of the café and its
    # lectures (by id: PostgreSQL then reads each one's sessions off the (listing, start) index).
    sessions_key = first_upcoming_session_id([cafe.pk, *lectures.values_list("pk", flat=True)])
    context = {"cafe": cafe, "body": _KidsBody(cafe, lectures), "sessions_key": sessions_key}
    return render(request, "cafes/kids_detail.html", context)
