"""「今月のケアカフェ」: a one-page A4 list per 地域, large type, grouped by weekday, for the fridge door."""

import datetime as dt
import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from cafes.pdf import month_sheet_pdf
from cafes.selectors import month_sheet
from community.models import Area

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _month(value: str | None) -> dt.date:
    if not value:
        # In the last week of a month the sheet people want to put up is next month's.
        today = timezone.localdate()
        return (today + dt.timedelta(days=7)).replace(day=1)
    match = MONTH.match(value)
    if not match or not 1 <= int(match[2]) <= 12:
        raise Http404
    return dt.date(int(match[1]), int(match[2]), 1)


def _sheet(request, area_slug) -> dict:
    area = get_object_or_404(Area, slug=area_slug)
    month = _month(request.GET.get("month"))
    page = reverse("cafes:print_month", args=[area.slug]) + f"?month={month:%Y-%m}"
    return {
        "area": area,
        "month": month,
        "groups": month_sheet(area=area, year=month.year, month=month.month),
        "url": request.build_absolute_uri(page),
    }


def print_month(request, area):
    context = _sheet(request, area)
    month = context["month"]
    context.update(
        areas=Area.objects.all(),
        previous=(month - dt.timedelta(days=1)).replace(day=1),
        following=(month + dt.timedelta(days=32)).replace(day=1),
    )
    return render(request, "cafes/print_month.html", context)


def print_month_pdf(request, area):
    """The same sheet as a PDF in the reader's language, typeset to fit one A4 page (or saying how many)."""
    context = _sheet(request, area)
    sheet = month_sheet_pdf(context)
    response = HttpResponse(sheet.content, content_type="application/pdf")
    filename = f"carecafe-{context['area'].slug}-{context['month']:%Y-%m}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Sheet-Pages"] = str(sheet.pages)
    return response
