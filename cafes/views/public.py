"""Public pages: the care-café and kids'-café finders and detail pages (no account needed)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from cafes.filters import CareCafeFilter, KidsCafeFilter
from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from cafes.selectors import attach_next_sessions, detail_map, finder_map, listing_upcoming_sessions


def _finder(request, filter_class, queryset, template: str):
    # Always bound (an empty query is a valid search); invalid values show an error and are ignored.
    finder = filter_class(request.GET, queryset=queryset)
    cafes = finder.qs
    page = Paginator(cafes, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    attach_next_sessions(page.object_list)
    origin = finder.form.origin if finder.form.is_valid() else None
    context = {
        "filter": finder, "page_obj": page, "cafes": page.object_list, "origin": origin,
        "map": finder_map(page.object_list, origin),
    }
    return render(request, template, context)


def index(request):
    """居場所をさがす: the care-café finder (kids' cafés are one link away)."""
    queryset = CareCafe.objects.published().prefetch_related("activities")
    return _finder(request, CareCafeFilter, queryset, "cafes/index.html")


def care_detail(request, pk):
    cafe = get_object_or_404(
        CareCafe.objects.published().with_place().prefetch_related("activities", "schedules__place"), pk=pk
    )
    sessions = listing_upcoming_sessions([cafe.pk])
    context = {"cafe": cafe, "sessions": sessions, "map": detail_map(cafe, sessions)}
    return render(request, "cafes/care_detail.html", context)


def kids_index(request):
    return _finder(request, KidsCafeFilter, KidsCafe.objects.published(), "cafes/kids_index.html")


def kids_detail(request, pk):
    cafe = get_object_or_404(KidsCafe.objects.published().with_place().prefetch_related("schedules"), pk=pk)
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
