"""外国人の方へ: the landing page, the 日本語教室 finder, the consultation desk and exchange events."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from community.fragments import RowsById, cached_fragments, first_upcoming_session_id
from community.models import Session
from international.filters import JapaneseClassFilter
from international.models import ExchangeEvent, ForeignResidentDesk, JapaneseClass, LandingSection
from international.queries import consultation_desks

LANDING_PREVIEW = 4


def _upcoming_sessions():
    return Prefetch(
        "sessions",
        queryset=Session.objects.upcoming().select_related("place"),
        to_attr="upcoming_sessions",
    )


def index(request):
    """「外国人の方へ」: every service in one page, in the reader's language."""
    context = {
        "sections": LandingSection.objects.published(),
        "children_classes": JapaneseClass.objects.for_finder().for_learners(JapaneseClass.Learners.CHILDREN)[
            :LANDING_PREVIEW
        ],
        "adult_classes": JapaneseClass.objects.for_finder().for_learners(JapaneseClass.Learners.ADULTS)[
            :LANDING_PREVIEW
        ],
        "desks": consultation_desks(),
        "events": ExchangeEvent.objects.for_page().upcoming_first()[:LANDING_PREVIEW],
    }
    return render(request, "international/index.html", context)


def class_list(request):
    finder = JapaneseClassFilter(request.GET or None, queryset=JapaneseClass.objects.for_finder())
    classes = finder.qs if finder.is_bound and finder.is_valid() else JapaneseClass.objects.for_finder()
    page = Paginator(classes, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    # The cards are cached fragments: the page reads the classes' ids, and the classes only for the cards not cached.
    shown = RowsById(
        page.object_list.values_list("pk", flat=True),
        lambda missing_ids: JapaneseClass.objects.for_finder().filter(pk__in=missing_ids),
    )
    cards = cached_fragments(
        "international/_class_card.html", shown.rows, request=request,
        key=lambda pk: pk, context=lambda pk: {"class": shown.of(pk), "heading": "h3"}, before_render=shown.load,
    )

    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "international/class_list.html",
        {"filter": finder, "page": page, "cards": cards, "classes": SimpleLazyObject(shown.all), "query": query.urlencode()},
    )


def class_detail(request, pk):
    japanese_class = get_object_or_404(JapaneseClass.objects.published().with_place().with_fiction(), pk=pk)

    def with_sessions():
        # Read only when the page's cached body is missing.
        prefetch_related_objects([japanese_class], _upcoming_sessions(), "schedules")
        return japanese_class

    # The body is a cached fragment: the content version covers every edit, the first coming session time passing.
    context = {
        "class": japanese_class, "with_sessions": with_sessions,
        "sessions_key": first_upcoming_session_id([japanese_class.pk]),
    }
    return render(request, "international/class_detail.html", context)


def desk_detail(request, pk):
    desk = get_object_or_404(ForeignResidentDesk.objects.active().with_language_days(), pk=pk)
    return render(request, "international/desk_detail.html", {"desk": desk})


def event_list(request):
    events = ExchangeEvent.objects.for_page().upcoming_first()
    page = Paginator(events, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "international/event_list.html", {"page": page, "events": page.object_list})


def event_detail(request, pk):
    event = get_object_or_404(
        ExchangeEvent.objects.published().with_place().with_fiction().prefetch_related(_upcoming_sessions()), pk=pk
    )
    return render(request, "international/event_detail.html", {"event": event})
