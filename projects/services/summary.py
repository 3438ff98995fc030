"""The numbers the plan cares about: groups funded per year and per stage, and grant totals."""

from django.db.models import Count, Q, Sum

from projects.models import Application
from projects.models.calls import reiwa_label

FUNDED = Q(status__in=Application.FUNDED_STATUSES)


def funded_by_year() -> list[dict]:
    """One row per fiscal year: applications, groups funded, total granted (one query)."""
    rows = (
        Application.objects.submitted()
        .values("call__fiscal_year")
        .annotate(
            applications=Count("pk"),
            groups_funded=Count("organization", filter=FUNDED, distinct=True),
            granted_total=Sum("granted_amount", filter=FUNDED),
        )
        .order_by("-call__fiscal_year")
    )
    return [{**row, "era": reiwa_label(row["call__fiscal_year"]), "granted_total": row["granted_total"] or 0}
            for row in rows]


def funded_by_stage() -> list[dict]:
    """One row per fiscal year and stage (one query)."""
    rows = (
        Application.objects.funded()
        .values("call__fiscal_year", "stage__level", "stage__name")
        .annotate(groups_funded=Count("organization", distinct=True), granted_total=Sum("granted_amount"))
        .order_by("-call__fiscal_year", "stage__level")
    )
    return [{**row, "era": reiwa_label(row["call__fiscal_year"])} for row in rows]
