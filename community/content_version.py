"""The content version: a number in the shared cache that changes whenever anything a visitor may see changes.

Whole pages cached for anonymous visitors (nerima_portal/page_cache.py) remember the version they were rendered
at and are thrown away when it has moved on, so a publish, an edit, a sign-up or a cancellation shows at once on
every app server: nobody is shown a full session as open. Saves and deletes of the portal's models bump it through
signals (their only job here); writes that send no signals (bulk_create, update) bump it where they happen.

The version is bumped at once and again when the transaction commits: a page rendered in between read the old rows
and stored itself under the first new version, and the second bump throws it away.

What changes by time alone, with no write (a session's sign-up closes, the session starts), the page says itself:
changes_at(request, moment), and the cached copy is kept no longer than that moment.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection, transaction

logger = logging.getLogger("nerima.content_version")
KEY = "portal:content-version"
CHANGES_AT = "content_changes_at"  # the request attribute changes_at() sets
PORTAL_APPS = {"community", "volunteers", "cafes", "hiroba", "projects", "international", "nerima_portal"}
# Records no public page shows (personal data, logs, staff notes): writing them leaves the cached pages valid.
# A new model that never appears on a public page belongs here; anything else bumps the version, to be safe.
NOT_PUBLIC = {
    "community.personaldataaccess",
    "community.invitation",
    "community.membership",
    "community.outboxmessage",
    "hiroba.consultationrequest",
    "hiroba.consultationnote",
    "hiroba.consultationaccesslog",
    "hiroba.retentionsetting",
    "volunteers.joininquiry",
    "volunteers.commissionercontact",
    "volunteers.collaboratorregistration",
    "volunteers.volunteerprofile",
    "volunteers.volunteerinvitation",
    "volunteers.openingapplication",
    "volunteers.collegeapplication",
    "volunteers.classattendance",
    "projects.score",
}
# Public writes that never change which sessions there are, when, or what they are called: a sign-up or its
# cancellation changes seats, not the calendar's grid (counts and titles per day). These move the content version
# but not the schedule version, so what is built from the schedule alone (the grid reads a whole month of
# sessions) outlives the most frequent write. Every other public write moves both, to be safe.
SCHEDULE_UNCHANGED = {"community.signup"}


class CacheVersion:
    """A number in the shared cache that moves when what it stands for changes; every app server compares it with
    the version of what it has cached or built. Moved at once and again on commit (see above)."""

    def __init__(self, key: str):
        self.key = key
        self.bump = self._bump  # one bound method, so that a commit queues one bump however many rows it writes

    @staticmethod
    def _fresh_value() -> int:
        # A new version never repeats an old one, even after Redis lost the key (eviction, restart).
        return time.time_ns()

    def current(self) -> int:
        """The version now (set on first use)."""
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, self._fresh_value(), timeout=None)
            version = cache.get(self.key)
        return version

    def _bump(self) -> None:
        try:
            try:
                cache.incr(self.key)
            except ValueError:  # not set yet, or evicted
                cache.set(self.key, self._fresh_value(), timeout=None)
        except Exception:
            # A sign-up must not fail because the cache is unreachable; pages cached before stay at most
            # PAGE_CACHE_SECONDS (and a restarted Redis has none).
            logger.exception("%s not moved: the cache is unavailable", self.key)

    def changed(self) -> None:
        """What the version stands for changed: move it now and when the transaction commits."""
        self.bump()
        if not any(entry[1] is self.bump for entry in connection.run_on_commit):
            transaction.on_commit(self.bump)


_content = CacheVersion(KEY)
current = _content.current
_schedule = CacheVersion("portal:schedule-version")
schedule_current = _schedule.current


def is_bump(callback) -> bool:
    """Is `callback` a version's own move queued for the commit (tests count the other on-commit work)?"""
    return any(callback is version.bump for version in (_content, _schedule))


def content_changed(*, schedule: bool = True) -> None:
    """Something public changed: cached pages rendered before now are stale. `schedule=False` only for a write that
    leaves every session's existence, day and title as they were (SCHEDULE_UNCHANGED)."""
    _content.changed()
    if schedule:
        _schedule.changed()


def changes_at(request, moment) -> None:
    """What `request`'s page shows changes at `moment` by time alone (a sign-up opens or closes, a session starts):
    no write moves the version then, so a cached copy of the page is kept no longer (nerima_portal/page_cache.py)."""
    if request is None or moment is None:
        return
    earlier = getattr(request, CHANGES_AT, None)
    if earlier is None or moment < earlier:
        setattr(request, CHANGES_AT, moment)


def released(**_signal) -> None:
    """After `migrate` (a release step): pages and fragments rendered by the code before it are stale too."""
    _content.bump()
    _schedule.bump()


def _is_public(model) -> bool:
    meta = model._meta
    return (
        meta.app_label in PORTAL_APPS
        and meta.label_lower not in NOT_PUBLIC
        and not model.__name__.startswith("Historical")  # simple-history's copies change with their originals
    )


def model_saved(sender, update_fields=None, raw=False, **kwargs) -> None:
    # A login only stamps last_login on the user: nothing public.
    if raw or not _is_public(sender) or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    content_changed(schedule=_moves_schedule(sender))


def model_deleted(sender, **kwargs) -> None:
    if _is_public(sender):
        content_changed(schedule=_moves_schedule(sender))


def _moves_schedule(model) -> bool:
    return model._meta.label_lower not in SCHEDULE_UNCHANGED


def relation_changed(sender, instance, action, **kwargs) -> None:
    """m2m_changed (a café's activities, a profile's areas …): counts like a save of the instance."""
    if action.startswith("post_") and _is_public(type(instance)):
        content_changed()
