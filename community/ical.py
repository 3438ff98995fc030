"""iCalendar files of sessions (RFC 5545, written by the `icalendar` library): one session, a month, a feed."""

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Nerima Chiiki Fukushi Portal//JA"
UID_DOMAIN = "nerima-fukushi-portal"


def session_uid(session) -> str:
    # Stable across files, so a phone that subscribed to a feed updates an event instead of doubling it.
    return f"session-{session.pk}@{UID_DOMAIN}"


def _event(session, *, url: str, stamp: dt.datetime) -> Event:
    venue = session.venue
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    event.add("summary", session.title or session.listing.title)
    event.add("location", f"{venue.name} {venue.address}" if venue else "")
    event.add("url", url)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return event


def sessions_calendar(sessions: Iterable, *, url_for: Callable, name: str = "") -> bytes:
    """A calendar of `sessions`; url_for(session) gives each one's absolute page address."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-timezone", "Asia/Tokyo")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for session in sessions:
        calendar.add_component(_event(session, url=url_for(session), stamp=stamp))
    return calendar.to_ical()
