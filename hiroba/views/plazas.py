from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render

from community.fragments import cached_fragments
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
    # The cards are cached fragments: their activities are read only for the cards not cached.
    plazas = Plaza.objects.published().currently_open().with_place().by_reading()
    if form.is_valid():
        if form.cleaned_data["area"]:
            plazas = plazas.in_area(form.cleaned_data["area"])
        if form.cleaned_data["activity"]:
            plazas = plazas.offering([form.cleaned_data["activity"]])
    page = Paginator(plazas, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    cards = cached_fragments(
        "hiroba/_plaza_card.html", page.object_list, request=request,
        key=lambda plaza: plaza.pk, context=lambda plaza: {"plaza": plaza},
        before_render=lambda missing: prefetch_related_objects(missing, activities_prefetch()),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "hiroba/plaza_list.html", {"form": form, "page": page, "cards": cards, "query": query.urlencode()}
    )


def plaza_detail(request, pk):
    plaza = get_object_or_404(
        Plaza.objects.published().with_place().with_activities().prefetch_related("schedules"), pk=pk
    )
    context = {
        "plaza": plaza,
        "sessions": plaza.upcoming_sessions()[:10],
        "organizations": plaza.introduced_organizations.published().select_related("area").order_by("name_kana"),
    }
    return render(request, "hiroba/plaza_detail.html", context)


def desk_list(request):
    desks = ConsultationDesk.objects.active().with_fiction()
    return render(request, "hiroba/desk_list.html", {"desks": desks})
