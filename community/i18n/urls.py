"""Per-language URLs: /en/…, /zh-hans/…, /ko/…, /tl/…, /easy/…; Japanese, the original, has no prefix.

Like Django's i18n_patterns(prefix_default_language=False), with two differences: やさしい日本語 (`ja-x-easy`)
is addressed as /easy/, and an unprefixed URL is read in the reader's own choice (cookie, then account, then
the browser, then Japanese) instead of always in Japanese, so links and bookmarks made before the prefixes
keep working and the switcher's choice still sets the default.
"""

import re
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, URLResolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language, override

from community.i18n.languages import ORIGINAL, language_for_prefix, url_prefix

PREFIX_RE = re.compile(r"^/([\w-]+)(/|$)")


class PortalLocalePrefixPattern(LocalePrefixPattern):
    def match(self, path):
        """Any language's prefix, or none: the middleware has already made the path's language the active one."""
        code = language_from_path("/" + path)
        if code is None:
            return path, (), {}
        prefix = f"{url_prefix(code)}/"
        return (path.removeprefix(prefix), (), {}) if path.startswith(prefix) else None

    @property
    def language_prefix(self) -> str:
        language_code = get_language() or settings.LANGUAGE_CODE
        if language_code == ORIGINAL and not self.prefix_default_language:
            return ""
        return f"{url_prefix(language_code)}/"


def language_patterns(*urls):
    """The portal's pages, once per language prefix (see the module docstring)."""
    return [URLResolver(PortalLocalePrefixPattern(prefix_default_language=False), list(urls))]


def language_from_path(path: str) -> str | None:
    match = PREFIX_RE.match(path)
    return language_for_prefix(match.group(1)) if match else None


def is_language_path(path: str) -> bool:
    """True when `path` is one of the pages that exist in every language (not the admin, not a POST endpoint)."""
    from django.urls import get_resolver

    with override(language_from_path(path) or ORIGINAL):
        for pattern in get_resolver().url_patterns:
            if isinstance(getattr(pattern, "pattern", None), PortalLocalePrefixPattern):
                try:
                    pattern.resolve(path.removeprefix("/"))
                except Resolver404:
                    return False
                return True
    return False


def url_in_language(url: str, code: str) -> str:
    """The same page in another language: /cafes/?area=1 → /en/cafes/?area=1; other URLs come back unchanged."""
    return urls_in_languages(url, [code])[code]


def urls_in_languages(url: str, codes) -> dict[str, str]:
    """url_in_language for several languages: Django's translate_url, resolving the path once, not once a language
    (every page's <head> names itself in all six)."""
    parts = urlsplit(url)
    current = language_from_path(parts.path) or ORIGINAL
    relative = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    try:
        with override(current):
            match = resolve(unquote(parts.path))
    except Resolver404:
        match = None
    translated = {}
    for code in codes:
        result = relative
        if match is not None:
            name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
            with override(code):
                try:
                    path = reverse(name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    pass
                else:
                    result = urlunsplit(("", "", path, parts.query, parts.fragment))
        if parts.scheme:
            result = urlunsplit((parts.scheme, parts.netloc, *urlsplit(result)[2:]))
        translated[code] = result
    return translated
