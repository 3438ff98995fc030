"""Whole pages for anonymous visitors, kept in the shared `default` cache and thrown away when content changes.

A page is stored with the content version (community/content_version.py) read *before* it was rendered, and served
only while the version is still the same: every publish, edit, sign-up or cancellation moves the version, so no
visitor is shown yesterday's seats. A page that changes by time alone (a sign-up closes, a session starts) says
when (`content_version.changes_at`) and is kept no longer. Storage and lookup are one round trip each (the version
and the page are read together).

What makes two requests the same page: the address (scheme, host, path and query), the language, the text size and
ふりがな. Only requests that can get nothing personal are served or stored: GET/HEAD without a session cookie (so
nobody is signed in) and without pending messages. A response is stored only when it is a 200 that set no cookie,
touched no session and did not say it must not be cached (`private`, `no-store`, `no-cache`: every page with
personal data says so, nerima_portal/middleware.py); so every signed-in page, a form sent back with its errors (a
POST) and a page that writes the session are never shared.

Pages with a form that posts (the session page's guest sign-up, 相談受付, 加入の問い合わせ) are shared too: the one
per-visitor part of such a page, the CSRF token, is rendered as a placeholder and filled with each visitor's own
token as the page leaves, which also sets the visitor's CSRF cookie through CsrfViewMiddleware (see
nerima_portal/page_token.py for why this is safe). Hence the order: after CsrfViewMiddleware (its process_response
sets the cookie, on hits too), before FuriganaMiddleware (the stored page has its readings). A render that got a
real token anyway (code that called get_token() itself) is not stored.

ETag: a hit carries the stored page's hash, and a browser that already has it gets 304 Not Modified. Pages with the
token have none: the browser's copy holds the token of the cookie it had then, and a 304 would keep that form
after the cookie changed (a sign-in rotates it, an expired cookie is replaced), where it can only fail. (No
Last-Modified: a page mixes many records, and the hash is exact.)
"""

import hashlib
import logging
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from community import content_version
from nerima_portal import page_token

logger = logging.getLogger("nerima.page_cache")
# A new prefix whenever Entry changes: app servers of the previous release (a rolling deploy) never read an entry
# they cannot serve (they would print the token's placeholder).
PREFIX = "page2:"
MARK = "X-Page-Cache"  # hit or miss, for people reading the headers (and the tests)
SKIPPED_PATHS = ("/admin/", "/accounts/", "/static/", "/media/")


class Entry(NamedTuple):
    version: int
    etag: str | None  # None on a page with the token's placeholder
    headers: list[tuple[str, str]]
    content: bytes
    with_token: bool


def _wanted(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(SKIPPED_PATHS)
    )


def page_key(request) -> str:
    """The cache key of this request's page (see the module docstring for what it depends on)."""
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    size = "large" if request.COOKIES.get("textsize") == "large" else "standard"
    ruby = "ruby" if request.COOKIES.get("furigana") == "on" else "plain"
    return f"{PREFIX}{getattr(request, 'LANGUAGE_CODE', settings.LANGUAGE_CODE)}:{size}:{ruby}:{address}"


def _storable(request, response, *, token_flag_before: bool) -> bool:
    cache_control = response.get("Cache-Control", "")
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # Set during the render: someone took the real token (get_token()), which may be in the page. Set before
        # it (CsrfViewMiddleware replaced a malformed cookie): the same can no longer be told apart.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not token_flag_before
        and not (session is not None and session.modified)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _seconds_to_keep(request) -> int:
    """PAGE_CACHE_SECONDS, or less when the page changes by time alone before then (0: do not store)."""
    seconds = settings.PAGE_CACHE_SECONDS
    changes_at = getattr(request, content_version.CHANGES_AT, None)
    if changes_at is not None:
        # Whole seconds, rounded down: the page is gone before the moment, never after it.
        seconds = min(seconds, int((changes_at - timezone.now()).total_seconds()))
    return max(seconds, 0)


class AnonymousPageCacheMiddleware:
    """Serve and store whole anonymous pages; sits after CsrfViewMiddleware and before FuriganaMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _wanted(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            found = cache.get_many([content_version.KEY, key])
            version = found.get(content_version.KEY)
            if version is None:
                version = content_version.current()
        except Exception:  # the cache is down: render the page, as for a signed-in visitor
            logger.exception("page cache unavailable")
            return self.get_response(request)
        request.content_version = version  # fragments of the page use the same one (community/fragments.py)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            return self._hit(request, Entry(*entry))
        token_flag_before = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        page_token.share(request)
        response = self.get_response(request)
        with_token = page_token.used(request)
        seconds = _seconds_to_keep(request)
        if seconds > 0 and _storable(request, response, token_flag_before=token_flag_before):
            self._store(key, version, response, seconds, with_token=with_token)
            response[MARK] = "miss"
        if with_token:
            page_token.fill(request, response)
        return response

    @staticmethod
    def _store(key, version, response, seconds, *, with_token: bool) -> None:
        etag = None
        if not with_token:
            etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
            response["ETag"] = etag
        headers = [(name, value) for name, value in response.items() if name != MARK]
        try:
            cache.set(key, tuple(Entry(version, etag, headers, response.content, with_token)), seconds)
        except Exception:
            logger.exception("page cache unavailable")

    @staticmethod
    def _hit(request, entry: Entry):
        response = HttpResponse(entry.content)
        for name, value in entry.headers:
            response[name] = value
        response[MARK] = "hit"
        if entry.with_token:
            page_token.fill(request, response)
            return response
        return get_conditional_response(request, etag=entry.etag, response=response) or response
