"""Maps and distances on pages: {% map_panel data "map-id" %}, {{ km|distance }}, {{ place|map_link }}."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

from community import geo

register = template.Library()

# 国土地理院の地理院タイル (standard map). Tests and offline machines point MAP_TILE_URL at a local tile.
DEFAULT_TILE_URL = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>'


@register.filter
def distance(km):
    return geo.distance_text(km)


@register.filter
def map_link(place):
    return geo.external_map_url(place)


@register.inclusion_tag("includes/map_panel.html")
def map_panel(data, map_id: str = "map"):
    return {
        "data": data,
        "map_id": map_id,
        "points_id": f"{map_id}-points",
        "has_points": bool(data.get("places")),
        "tile_url": getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL),
        "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", DEFAULT_ATTRIBUTION)
        + " / "
        + _("丁目の代表点: 国土交通省「位置参照情報」"),
        "leaflet_js": static("vendor/leaflet/leaflet.js"),
        "leaflet_css": static("vendor/leaflet/leaflet.css"),
        "leaflet_images": static("vendor/leaflet/images/"),
    }
