"""What other apps may ask of cafes (they never reach into cafes' models directly)."""

from cafes.models import Activity, CareCafe


def health_consultation_cafes(*, area=None):
    """Published care cafés offering 健康相談 (held in `area` if given: own place or a visit), in 五十音順."""
    cafes = (
        CareCafe.objects.published()
        .filter(activities__code=Activity.HEALTH_CONSULTATION)
        .with_place()
        .by_reading()
    )
    if area is not None:
        cafes = cafes.held_in(area=area)
    return cafes


def fiscal_year_tables(part: str, fiscal_year):
    """The yearly figures of "care_cafes" or "kids_cafes" (community.figures tables, counts only)."""
    from cafes import figures

    return {"care_cafes": figures.care_cafe_tables, "kids_cafes": figures.kids_cafe_tables}[part](fiscal_year)


def public_care_cafes():
    """Published care cafés with their place, operator and schedules (for open data and the API)."""
    return CareCafe.objects.published().with_place().prefetch_related("schedules").by_reading()


def public_kids_cafes():
    from cafes.models import KidsCafe

    return KidsCafe.objects.published().with_place().prefetch_related("schedules").by_reading()
