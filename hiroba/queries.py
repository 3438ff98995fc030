"""What other apps may ask of hiroba (they never reach into hiroba's models directly)."""

from community.models import Organization, PublicationStatus
from hiroba.models import SupportCenterCoverage


def support_center_for_chome(chome) -> Organization | None:
    """The 地域包括支援センター covering a 町丁目, or None when no coverage is recorded."""
    if chome is None:
        return None
    coverage = (
        SupportCenterCoverage.objects.with_center()
        .filter(chome=chome, center__status=PublicationStatus.PUBLISHED)
        .first()
    )
    return coverage.center if coverage else None


def support_centers_for_area(area):
    """Published support centres covering at least one 町丁目 of an area, in 五十音順."""
    return (
        Organization.objects.published()
        .filter(kind=Organization.Kind.SUPPORT_CENTER, covered_chomes__chome__town__area=area)
        .select_related("area")
        .distinct()
        .order_by("name_kana")
    )


def fiscal_year_tables(part: str, fiscal_year):
    """The yearly figures of "plazas" or "consultations" (community.figures tables, counts only)."""
    from hiroba import figures

    return {"plazas": figures.plaza_tables, "consultations": figures.consultation_tables}[part](fiscal_year)


def public_plazas():
    """Published 相談情報ひろば with place, operator and schedules (for open data and the API)."""
    from hiroba.models import Plaza

    return Plaza.objects.published().currently_open().with_place().prefetch_related("schedules").by_reading()
