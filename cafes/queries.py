"""What other apps may ask of cafes (they never reach into cafes' models directly)."""

from cafes.models import Activity, CareCafe
from community.registry import SearchSource


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


def activity_names_by_listing(listing_ids) -> dict[int, list[str]]:
    """What happens at each of these care cafés (介護予防の体操, 健康相談 …), in Japanese, in one query."""
    from django.utils import translation

    names: dict[int, list[str]] = {}
    through = CareCafe.activities.through.objects.filter(carecafe_id__in=listing_ids).select_related("activity")
    with translation.override("ja"):
        for row in through:
            names.setdefault(row.carecafe_id, []).append(row.activity.name)
    return names


def nearest_care_cafes(origin, *, limit: int = 5):
    """The published care cafés nearest to `origin` (community.geo.Origin), each with distance_km."""
    return list(CareCafe.objects.published().with_place().by_distance(origin)[:limit])


def _cafes_offering(activity) -> list[int]:
    """The care cafés whose index text holds this activity's name (it was renamed)."""
    return list(activity.care_cafes.values_list("pk", flat=True))


# Registered in CafesConfig.ready(): the site search also finds a care café by what it offers (健康相談 …).
SEARCH_SOURCE = SearchSource(
    name="cafes", extra_words=activity_names_by_listing, feeds=((Activity, _cafes_offering),)
)
