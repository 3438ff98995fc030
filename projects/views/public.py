"""Public pages: the programme, this year's call, and the showcase of adopted projects."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from projects.models import Call, ShowcaseProject


def index(request):
    """What the programme funds, this year's call at a glance and a few adopted projects."""
    call = Call.objects.with_details().current()
    showcase = ShowcaseProject.objects.published().with_organization()[:3]
    return render(request, "projects/index.html", {"call": call, "showcase": showcase})


def call_detail(request, fiscal_year: int):
    call = get_object_or_404(Call.objects.public().with_details(), fiscal_year=fiscal_year)
    return render(request, "projects/call_detail.html", {"call": call})


def showcase_list(request):
    projects = ShowcaseProject.objects.published().with_organization()
    page = Paginator(projects, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/showcase_list.html", {"page": page})


def showcase_detail(request, pk: int):
    project = get_object_or_404(ShowcaseProject.objects.published().with_organization(), pk=pk)
    return render(request, "projects/showcase_detail.html", {"project": project})
