"""iCalendar files of sessions (RFC 5545, written by the `icalendar` library): one session, or a feed.

Each event names its place (with address), whom to contact, and — in a resident's own copy — the link that
cancels their sign-up. UIDs are stable, so a subscribed feed updates an event instead of doubling it.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Nerima Chiiki Fukushi Portal//JA"
UID_DOMAIN = "nerima-fukushi-portal"


def session_uid(session) -> str:
    return f"session-{session.pk}@{UID_DOMAIN}"


def _location(session) -> str:
    venue = session.venue
    return " ".join(part for part in (venue.name, venue.address, venue.building) if part) if venue else ""


def _contact(session) -> str:
    organization = session.listing.organization
    return " ".join(part for part in (organization.name, organization.contact_phone) if part)


def session_event(session, *, url: str, cancel_url: str = "", stamp: dt.datetime | None = None) -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp or timezone.now().astimezone(dt.UTC).replace(microsecond=0))
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    event.add("summary", session.title or session.listing.title)
    event.add("location", _location(session))
    event.add("url", url)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    contact = _contact(session)
    if contact:
        event.add("contact", contact)
    organization = session.listing.organization
    if organization.contact_email:
        organizer = vCalAddress(f"mailto:{organization.contact_email}")
        organizer.params["cn"] = vText(organization.name)
        event["organizer"] = organizer
    lines = [url]
    if contact:
        lines.append(_("問い合わせ: %(contact)s") % {"contact": contact})
    if cancel_url:
        lines.append(_("キャンセルはこちら: %(url)s") % {"url": cancel_url})
    event.add("description", "\n".join(lines))
    return event


def calendar_of(sessions: Iterable, *, url_for: Callable, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-timezone", "Asia/Tokyo")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for session in sessions:
        calendar.add_component(session_event(session, url=url_for(session), stamp=stamp))
    return calendar.to_ical()


def session_ics(session, *, url: str, cancel_url: str = "") -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(session_event(session, url=url, cancel_url=cancel_url))
    return calendar.to_ical().decode()


def google_calendar_url(session, *, url: str) -> str:
    """「Googleカレンダーに追加」: the event template link (no account of ours involved)."""
    fmt = "%Y%m%dT%H%M%SZ"
    details = "\n".join(part for part in (url, _contact(session)) if part)
    query = {
        "action": "TEMPLATE",
        "text": session.title or session.listing.title,
        "dates": f"{session.starts_at.astimezone(dt.UTC):{fmt}}/{session.ends_at.astimezone(dt.UTC):{fmt}}",
        "details": details,
        "location": _location(session),
        "ctz": "Asia/Tokyo",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)
