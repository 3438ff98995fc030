"""A small RFC 5545 calendar file for one session, so residents can add it to their phone."""

import datetime as dt

from django.utils import timezone

_FMT = "%Y%m%dT%H%M%SZ"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime(_FMT)


def session_ics(session, *, url: str) -> str:
    venue = session.venue
    location = f"{venue.name} {venue.address}" if venue else ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Nerima Chiiki Fukushi Portal//JA",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:session-{session.pk}@nerima-fukushi-portal",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(session.ends_at)}",
        f"SUMMARY:{_escape(session.title or session.listing.title)}",
        f"LOCATION:{_escape(location)}",
        f"URL:{url}",
        "STATUS:CANCELLED" if session.is_cancelled else "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
