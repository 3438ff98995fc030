"""A per-address limit on public consultation requests, kept in Django's cache (no CAPTCHA)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

REQUEST_LIMIT = 5
REQUEST_WINDOW_SECONDS = 60 * 60


def _key(request) -> str:
    # Only a hash of the address goes into the cache.
    address = request.META.get("REMOTE_ADDR", "")
    return "hiroba:requests:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _limit() -> int:
    return getattr(settings, "HIROBA_REQUEST_LIMIT", REQUEST_LIMIT)


def request_allowed(request) -> bool:
    """False once this address has sent the limit within the window."""
    return cache.get(_key(request), 0) < _limit()


def request_record(request) -> None:
    key = _key(request)
    window = getattr(settings, "HIROBA_REQUEST_WINDOW_SECONDS", REQUEST_WINDOW_SECONDS)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
