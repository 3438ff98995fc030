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
    return list(CareCafe.objects.published().for_cards().by_distance(origin)[:limit])
