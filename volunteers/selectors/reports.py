"""The numbers the plan cares about: openings, applications and matches by month, field and area.

A match is an accepted application or an accepted invitation (an organization asking a College graduate or another
opted-in resident): both put a volunteer to work. An invitation sent without an opening has no field or area.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from volunteers.models import ActivityField, Opening, OpeningApplication, VolunteerInvitation


@dataclass
class MonthlyRow:
    month: dt.date
    field: str  # "" for an invitation without an opening
    area: str
    openings: int = 0
    applications: int = 0
    matches: int = 0

    @property
    def field_label(self) -> str:
        return str(ActivityField(self.field).label) if self.field else _("募集なしの招待")


def _month_start(months_back: int, today: dt.date) -> dt.datetime:
    year, month = today.year, today.month - months_back
    while month <= 0:
        month += 12
        year -= 1
    return dt.datetime(year, month, 1, tzinfo=timezone.get_current_timezone())


def monthly_numbers(*, months: int = 12, today: dt.date | None = None) -> list[MonthlyRow]:
    """Four grouped queries, merged by (month, field, area); newest month first."""
    today = today or timezone.localdate()
    since = _month_start(months - 1, today)
    rows: dict[tuple, MonthlyRow] = {}

    def add(queryset, month_field: str, prefix: str, attribute: str) -> None:
        grouped = (
            queryset.annotate(month=TruncMonth(month_field))
            .values("month", f"{prefix}field", f"{prefix}area__name")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for item in grouped:
            month = timezone.localtime(item["month"]).date() if isinstance(item["month"], dt.datetime) else item["month"]
            key = (month, item[f"{prefix}field"] or "", item[f"{prefix}area__name"] or "")
            row = rows.setdefault(key, MonthlyRow(month=key[0], field=key[1], area=key[2]))
            setattr(row, attribute, getattr(row, attribute) + item["n"])

    add(Opening.objects.filter(created_at__gte=since), "created_at", "", "openings")
    add(OpeningApplication.objects.filter(created_at__gte=since), "created_at", "opening__", "applications")
    add(
        OpeningApplication.objects.accepted().filter(decided_at__gte=since), "decided_at", "opening__", "matches"
    )
    add(
        VolunteerInvitation.objects.accepted().filter(responded_at__gte=since), "responded_at", "opening__", "matches"
    )
    return sorted(rows.values(), key=lambda r: (-r.month.toordinal(), r.field, r.area))


def totals(rows: list[MonthlyRow]) -> dict[str, int]:
    return {
        "openings": sum(r.openings for r in rows),
        "applications": sum(r.applications for r in rows),
        "matches": sum(r.matches for r in rows),
    }


CSV_HEADER = ["月", "分野", "地域", "募集", "応募", "マッチング"]


def monthly_numbers_rows(rows: list[MonthlyRow]) -> list[list]:
    """The same rows as the admin page, in CSV_HEADER's columns (written by community.exports)."""
    return [
        [f"{row.month.year}-{row.month.month:02d}", row.field_label, row.area, row.openings, row.applications, row.matches]
        for row in rows
    ]
