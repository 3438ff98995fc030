"""schema.org JSON-LD for sessions (Event) and places (Place), so search engines can show dates and places."""

import json

from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from community import geo
from community.mails import absolute_url

SCHEMA = "https://schema.org"


def place_data(place) -> dict | None:
    if place is None:
        return None
    data = {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": " ".join(part for part in (place.address, place.building) if part),
            "addressLocality": "練馬区",
            "addressRegion": "東京都",
            "addressCountry": "JP",
        },
    }
    if place.chome_id and place.chome.town.postal_code:
        data["address"]["postalCode"] = place.chome.town.postal_code
    point = geo.place_point(place)
    if point:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": round(point[0], 6), "longitude": round(point[1], 6)}
    if place.wheelchair_accessible:
        data["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": "車いす可", "value": True}]
    return data


def organization_data(organization) -> dict:
    data = {"@type": "Organization", "name": organization.name, "url": absolute_url(organization.get_absolute_url())}
    if organization.contact_phone:
        data["telephone"] = organization.contact_phone
    return data


def event_data(session, *, url: str) -> dict:
    listing = session.listing
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": session.title or listing.title,
        "startDate": timezone.localtime(session.starts_at).isoformat(),
        "endDate": timezone.localtime(session.ends_at).isoformat(),
        "eventStatus": f"{SCHEMA}/EventCancelled" if session.is_cancelled else f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "url": url,
        "organizer": organization_data(listing.organization),
    }
    description = session.notes or listing.summary or listing.description
    if description:
        data["description"] = description[:300]
    location = place_data(session.venue)
    if location:
        data["location"] = location
    if session.capacity:
        data["maximumAttendeeCapacity"] = session.capacity
    return data


def place_page_data(place, *, url: str) -> dict:
    return {"@context": SCHEMA, **place_data(place), "url": url}


def script(data: dict) -> str:
    """A <script type="application/ld+json"> block: data, never run, so a strict CSP leaves it alone."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
