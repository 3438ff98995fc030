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
