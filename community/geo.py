"""Near me: where a typed address is, how far places are from it, and 「約1.2km」 in words.

A place's point is its own coordinates when known, else its 丁目's representative point
(community/data/chome_points.csv). Within one ward a flat-earth distance is accurate to a few metres
per kilometre, so the database can order by it with plain arithmetic (PostgreSQL and SQLite alike).
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, FloatField, Value
from django.db.models.functions import Cast, Coalesce, Sqrt
from django.utils.translation import gettext as _

from community.addresses import find_chome, find_town
from community.models import Chome

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LATITUDE = 110.574


@dataclass(frozen=True)
class Origin:
    """Where a resident said they are: a 丁目 (from an address) or a whole 町 (its points' middle)."""

    label: str
    latitude: float
    longitude: float
    chome: Chome | None = None


def locate(text: str) -> Origin | None:
    """The point of a typed address (「石神井町3-5-1」, 「しゃくじいまち3」) or 町名 (「石神井町」); None if unreadable."""
    chome = find_chome(text)
    if chome is not None and chome.latitude is not None:
        return Origin(str(chome), float(chome.latitude), float(chome.longitude), chome)
    town = chome.town if chome is not None else find_town(text)
    if town is None:
        return None
    points = list(Chome.objects.filter(town=town, latitude__isnull=False).values_list("latitude", "longitude"))
    if not points:
        return None
    latitude = sum(float(lat) for lat, _lng in points) / len(points)
    longitude = sum(float(lng) for _lat, lng in points) / len(points)
    return Origin(town.name, latitude, longitude, None)


def place_point(place) -> tuple[float, float] | None:
    """(latitude, longitude) of a place: its own, else its 丁目's representative point."""
    if place is None:
        return None
    if place.latitude is not None and place.longitude is not None:
        return float(place.latitude), float(place.longitude)
    chome = place.chome
    if chome is not None and chome.latitude is not None:
        return float(chome.latitude), float(chome.longitude)
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) in kilometres."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_text(km: float | None) -> str:
    """「約1.2km」, or 「約300m」 under a kilometre (never 「約0m」)."""
    if km is None:
        return ""
    if km < 0.95:
        metres = max(100, int(round(km * 10)) * 100)
        return _("約%(m)sm") % {"m": metres}
    return _("約%(km)skm") % {"km": f"{km:.1f}"}


def point_of(prefix: str) -> tuple:
    """Expressions for the point of the place at `prefix` (e.g. "place__"): own coordinates, else its 丁目's."""
    latitude = Coalesce(F(f"{prefix}latitude"), F(f"{prefix}chome__latitude"))
    longitude = Coalesce(F(f"{prefix}longitude"), F(f"{prefix}chome__longitude"))
    return latitude, longitude


def distance_expression(latitude, longitude, origin: Origin):
    """Kilometres from `origin` as a database expression (equirectangular: exact enough inside one ward)."""
    lat0, lng0 = Decimal(str(origin.latitude)), Decimal(str(origin.longitude))
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(origin.latitude))
    dy = Cast(latitude - Value(lat0), FloatField()) * Value(KM_PER_DEGREE_LATITUDE)
    dx = Cast(longitude - Value(lng0), FloatField()) * Value(km_per_degree_longitude)
    return Sqrt(dx * dx + dy * dy)


def map_point(name: str, place, *, url: str = "", lines: tuple[str, ...] = ()) -> dict | None:
    """One marker for a map: None when the place has no point (then it is simply not drawn)."""
    point = place_point(place)
    if point is None:
        return None
    return {"name": name, "url": url, "lat": point[0], "lng": point[1], "lines": [line for line in lines if line]}


def map_data(points, origin: Origin | None = None) -> dict:
    """What a map panel draws: the places (None entries dropped) and where the resident said they are."""
    data = {"places": [point for point in points if point]}
    if origin is not None:
        data["origin"] = {"name": origin.label, "lat": origin.latitude, "lng": origin.longitude}
    return data


def external_map_url(place) -> str:
    """「地図で見る」: the address in the resident's own map app (a search by address, not our coordinates)."""
    from urllib.parse import quote

    if place is None or not place.address:
        return ""
    return "https://www.google.com/maps/search/?api=1&query=" + quote(f"{place.address} {place.name}")
