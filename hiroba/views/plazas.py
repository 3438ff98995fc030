from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from community.models import Area
from hiroba.forms.consultations import FinderForm, PlazaFilterForm
from hiroba.models import ConsultationDesk, Plaza


def index(request):
    """相談する: the finder, the request form, plazas per area and the ward's desks."""
    counts = Plaza.objects.published().currently_open().count_by_area()
    areas = [(area, counts.get(area.pk, 0)) for area in Area.objects.all()]
    context = {"finder_form": FinderForm(), "areas": areas, "desks": ConsultationDesk.objects.active()}
    return render(request, "hiroba/index.html", context)


def plaza_list(request):
    form = PlazaFilterForm(request.GET or None)
    plazas = Plaza.objects.published().currently_open().for_list().by_reading()
    if form.is_valid():
        if form.cleaned_data["area"]:
            plazas = plazas.in_area(form.cleaned_data["area"])
        if form.cleaned_data["activity"]:
            plazas = plazas.offering([form.cleaned_data["activity"]])
    page = Paginator(plazas, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "hiroba/plaza_list.html", {"form": form, "page": page, "query": query.urlencode()})


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
