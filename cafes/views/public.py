"""Public pages: the care-café and kids'-café finders and detail pages (no account needed)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render

from cafes.filters import CareCafeFilter, KidsCafeFilter
from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from cafes.selectors import detail_map, finder_map, listing_upcoming_sessions
from community.fragments import cached_fragments


def _km(cafe) -> str:
    """The distance a card shows (to 10 m), part of its cache key when an address was given."""
    km = getattr(cafe, "distance_km", None)
    return "" if km is None else f"{km:.2f}"


def _finder(request, filter_class, queryset, template: str, card: str, *, card_needs=()):
    # Always bound (an empty query is a valid search); invalid values show an error and are ignored.
    finder = filter_class(request.GET, queryset=queryset)
    origin = finder.form.origin if finder.form.is_valid() else None
    page = Paginator(finder.results(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    cards = cached_fragments(
        card, page.object_list, request=request,
        # A card shows its café and the session it features (the next one that matches the search).
        key=lambda cafe: f"{cafe.pk}:{cafe.next_session.pk if cafe.next_session else ''}:{_km(cafe)}",
        context=lambda cafe: {"cafe": cafe},
        before_render=lambda missing: prefetch_related_objects(missing, *card_needs),
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": finder, "page_obj": page, "cafes": page.object_list, "cards": cards, "origin": origin,
        "map": finder_map(page.object_list, origin),
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


def care_detail(request, pk):
    cafe = get_object_or_404(
        CareCafe.objects.published().with_place().with_fiction().prefetch_related("activities", "schedules__place"),
        pk=pk,
    )
    sessions = listing_upcoming_sessions([cafe.pk])
    context = {"cafe": cafe, "sessions": sessions, "map": detail_map(cafe, sessions)}
    return render(request, "cafes/care_detail.html", context)


def kids_index(request):
    return _finder(request, KidsCafeFilter, KidsCafe.objects.published(), "cafes/kids_index.html", "cafes/_kids_card.html")


def kids_detail(request, pk):
    cafe = get_object_or_404(KidsCafe.objects.published().with_place().with_fiction().prefetch_related("schedules"), pk=pk)
    lectures = list(
        ChildcareLecture.objects.published().filter(kids_cafe=cafe).select_related("organization").by_reading()
    )
    by_pk = {lecture.pk: lecture for lecture in lectures}
    lecture_sessions = listing_upcoming_sessions(list(by_pk), limit=20)
    anchored = set()
    for session in lecture_sessions:
        session.lecture = by_pk[session.listing_id]
        # A lecture's URL ends in #lecture-<pk>: only its first session carries that id (ids are unique).
        session.is_lecture_anchor = session.listing_id not in anchored
        anchored.add(session.listing_id)
    sessions = listing_upcoming_sessions([cafe.pk])
    context = {
        "cafe": cafe, "sessions": sessions, "lecture_sessions": lecture_sessions,
        "map": detail_map(cafe, sessions + lecture_sessions),
    }
    return render(request, "cafes/kids_detail.html", context)
