"""A calendar file for one session, so residents can add it to their phone (written by community.ical)."""

from community.ical import sessions_calendar


def session_ics(session, *, url: str) -> str:
    return sessions_calendar([session], url_for=lambda _session: url).decode()
