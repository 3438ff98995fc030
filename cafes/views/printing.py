"""「今月のケアカフェ」: a one-page A4 list per 地域, large type, grouped by weekday, for the fridge door."""

import datetime as dt
import re

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

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


def print_month(request, area):
    area = get_object_or_404(Area, slug=area)
    month = _month(request.GET.get("month"))
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (month + dt.timedelta(days=32)).replace(day=1)
    context = {
        "area": area,
        "areas": Area.objects.all(),
        "month": month,
        "previous": previous,
        "following": following,
        "groups": month_sheet(area=area, year=month.year, month=month.month),
    }
    return render(request, "cafes/print_month.html", context)
