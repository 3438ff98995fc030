from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property

from community.fragments import RowsById, cached_fragments, first_upcoming_session_id
from community.models import Area
from hiroba.forms.consultations import FinderForm, PlazaFilterForm
from hiroba.models import ConsultationDesk, Plaza
from hiroba.models.plazas import activities_prefetch


def index(request):
    """相談する: the finder, the request form, plazas per area and the ward's desks."""
    counts = Plaza.objects.published().currently_open().count_by_area()
    areas = [(area, counts.get(area.pk, 0)) for area in Area.objects.all()]
    context = {"finder_form": FinderForm(), "areas": areas, "desks": ConsultationDesk.objects.active()}
    return render(request, "hiroba/index.html", context)


def plaza_list(request):
    form = PlazaFilterForm(request.GET or None)
    plazas = Plaza.objects.published().currently_open().by_reading()
    if form.is_valid():
        if form.cleaned_data["area"]:
            plazas = plazas.in_area(form.cleaned_data["area"])
        if form.cleaned_data["activity"]:
            plazas = plazas.offering([form.cleaned_data["activity"]])
    page = Paginator(plazas, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    # The cards are cached fragments: the page reads the plazas' ids, and the plazas (with place, operator and
    # activities) only for the cards not cached.
    def load(missing_ids) -> list:
        plazas = list(Plaza.objects.with_place().filter(pk__in=missing_ids))
        prefetch_related_objects(plazas, activities_prefetch())
        return plazas

    plazas = RowsById(page.object_list.values_list("pk", flat=True), load)
    cards = cached_fragments(
        "hiroba/_plaza_card.html", plazas.rows, request=request,
        key=lambda pk: pk, context=lambda pk: {"plaza": plazas.of(pk)}, before_render=plazas.load,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "hiroba/plaza_list.html", {"form": form, "page": page, "cards": cards, "query": query.urlencode()}
    )


class _PlazaBody:
    """What a plaza page's body shows beyond the plaza, read only when its cached fragment is missing."""

    def __init__(self, plaza):
        self._plaza = plaza

    @cached_property
    def plaza(self):
        prefetch_related_objects([self._plaza], activities_prefetch(), "schedules")
        return self._plaza

    @cached_property
    def sessions(self):
        return list(self._plaza.upcoming_sessions()[:10])

    @cached_property
    def organizations(self):
        return self._plaza.introduced_organizations.published().select_related("area").order_by("name_kana")


def plaza_detail(request, pk):
    plaza = get_object_or_404(Plaza.objects.published().with_place(), pk=pk)
    # The body is a cached fragment: the content version covers every edit, the first coming session time passing.
    context = {"plaza": plaza, "body": _PlazaBody(plaza), "sessions_key": first_upcoming_session_id([plaza.pk])}
    return render(request, "hiroba/plaza_detail.html", context)


def desk_list(request):
    desks = ConsultationDesk.objects.active().with_fiction()
    return render(request, "hiroba/desk_list.html", {"desks": desks})
