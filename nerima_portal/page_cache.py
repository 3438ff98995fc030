"""Whole pages for anonymous visitors, kept in the shared `default` cache and thrown away when content changes.

A page is stored with the content version (community/content_version.py) read *before* it was rendered, and served
only while the version is still the same: every publish, edit, sign-up or cancellation moves the version, so no
visitor is shown yesterday's seats. Storage and lookup are one round trip each (the version and the page are read
together).

What makes two requests the same page: the address (scheme, host, path and query), the language, the text size and
ふりがな. Only requests that can get nothing personal are served or stored: GET/HEAD without a session cookie (so
nobody is signed in) and without pending messages. A response is stored only when it is a 200 that set no cookie,
did not use the CSRF token (a form that posts; those pages render each time) and did not say it must not be cached;
so pages with forms, pages that touch the session and every signed-in page are never shared.

ETag: a hit carries the stored page's hash, and a browser that already has it gets 304 Not Modified. (No
Last-Modified: a page mixes many records, and the hash is exact.)
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from community import content_version

logger = logging.getLogger("nerima.page_cache")
PREFIX = "page:"
MARK = "X-Page-Cache"  # hit or miss, for people reading the headers (and the tests)
SKIPPED_PATHS = ("/admin/", "/accounts/", "/static/", "/media/")


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


def _storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class AnonymousPageCacheMiddleware:
    """Serve and store whole anonymous pages; sits after LocaleMiddleware and before FuriganaMiddleware."""

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
            return self._hit(request, entry)
        response = self.get_response(request)
        if _storable(request, response):
            etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
            response["ETag"] = etag
            headers = [(name, value) for name, value in response.items() if name != MARK]
            try:
                cache.set(key, (version, etag, headers, response.content), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("page cache unavailable")
            response[MARK] = "miss"
        return response

    @staticmethod
    def _hit(request, entry):
        _version, etag, headers, content = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response[MARK] = "hit"
        return get_conditional_response(request, etag=etag, response=response) or response
