"""NPO support (区民協働交流センター): support menus, seminars with kernel sessions, and the group directory."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from community.models import Session
from volunteers.forms.associations import GroupSearchForm
from volunteers.models import GroupProfile, NpoSeminar, NpoSupportMenu


def npo_support(request):
    menus = NpoSupportMenu.objects.all()
    seminars = NpoSeminar.objects.published().for_list().filter(next_session_at__isnull=False)
    return render(request, "volunteers/npo_support.html", {"menus": menus, "seminars": seminars[:20]})


def npo_seminar_detail(request, pk):
    seminar = get_object_or_404(
        NpoSeminar.objects.published()
        .with_place()
        .prefetch_related(
            Prefetch("sessions", queryset=Session.objects.upcoming().select_related("place"), to_attr="upcoming")
        ),
        pk=pk,
    )
    return render(request, "volunteers/npo_seminar_detail.html", {"seminar": seminar})


def npo_groups(request):
    """Directory of NPO法人 and volunteer groups: field, area and the help they seek."""
    form = GroupSearchForm(request.GET or None)
    groups = GroupProfile.objects.published()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["field"]:
            groups = groups.filter(field=data["field"])
        if data["area"]:
            groups = groups.filter(organization__area=data["area"])
        if data["kind"]:
            groups = groups.filter(organization__kind=data["kind"])
        if data["seeking"]:
            groups = groups.exclude(help_wanted="")
    page = Paginator(groups.for_list(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "volunteers/npo_groups.html", {"form": form, "page": page, "query": query.urlencode()})
