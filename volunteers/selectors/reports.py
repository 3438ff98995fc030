"""The numbers the plan cares about: openings, applications and matches by month, field and area."""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from volunteers.models import ActivityField, Opening, OpeningApplication


@dataclass
class MonthlyRow:
    month: dt.date
    field: str
    area: str
    openings: int = 0
    applications: int = 0
    matches: int = 0

    @property
    def field_label(self) -> str:
        return str(ActivityField(self.field).label)


def _month_start(months_back: int, today: dt.date) -> dt.datetime:
    year, month = today.year, today.month - months_back
    while month <= 0:
        month += 12
        year -= 1
    return dt.datetime(year, month, 1, tzinfo=timezone.get_current_timezone())


def monthly_numbers(*, months: int = 12, today: dt.date | None = None) -> list[MonthlyRow]:
    """Three grouped queries, merged by (month, field, area); newest month first."""
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
            key = (month, item[f"{prefix}field"], item[f"{prefix}area__name"])
            row = rows.setdefault(key, MonthlyRow(month=key[0], field=key[1], area=key[2]))
            setattr(row, attribute, getattr(row, attribute) + item["n"])

    add(Opening.objects.filter(created_at__gte=since), "created_at", "", "openings")
    add(OpeningApplication.objects.filter(created_at__gte=since), "created_at", "opening__", "applications")
    add(
        OpeningApplication.objects.accepted().filter(decided_at__gte=since), "decided_at", "opening__", "matches"
    )
    return sorted(rows.values(), key=lambda r: (-r.month.toordinal(), r.field, r.area))


def totals(rows: list[MonthlyRow]) -> dict[str, int]:
    return {
        "openings": sum(r.openings for r in rows),
        "applications": sum(r.applications for r in rows),
        "matches": sum(r.matches for r in rows),
    }


CSV_HEADER = ["月", "分野", "地域", "募集", "応募", "マッチング"]


def monthly_numbers_csv(rows: list[MonthlyRow]) -> str:
    """The same rows as the admin page, as CSV text with a BOM so that Excel opens the Japanese intact."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            [f"{row.month.year}-{row.month.month:02d}", row.field_label, row.area, row.openings, row.applications, row.matches]
        )
    return buffer.getvalue()
