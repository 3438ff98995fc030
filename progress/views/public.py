"""「計画の進み具合」: the ward's promises in the plan's words, and what happened, per year and area (public)."""

from django.http import Http404
from django.shortcuts import render

from progress.forms.years import PublicFilterForm
from progress.selectors import report
from progress.selectors.sections import SECTIONS_BY_KEY


def progress_index(request):
    form = PublicFilterForm(request.GET or None)
    fiscal_year, area = form.fiscal_year(), form.chosen_area()
    context = {
        "form": form, "fiscal_year": fiscal_year, "area": area,
        "sections": report.sections_for(fiscal_year, public=True, area=area),
    }
    return render(request, "progress/index.html", context, status=400 if form.errors else 200)


def progress_csv(request, key):
    section = SECTIONS_BY_KEY.get(key)
    if section is None:
        raise Http404
    form = PublicFilterForm(request.GET or None)
    return report.section_csv(section, form.fiscal_year(), public=True, area=form.chosen_area())
