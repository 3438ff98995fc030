"""What every page's <head> and header need to offer the other languages."""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils.encoding import iri_to_uri

from community.i18n.languages import ORIGINAL, is_japanese
from community.i18n.middleware import furigana_wanted
from community.i18n.urls import is_language_path, urls_in_languages


@lru_cache(maxsize=4096)
def _alternates(path_info: str, full_path: str, scheme_host: str, script_prefix: str) -> tuple[tuple[str, str], ...]:
    # The same address always names the same pages (resolving and reversing it six times was a tenth of a small
    # page's work); the script prefix is part of the key because reverse() follows it.
    if not is_language_path(path_info):
        return ()
    codes = [code for code, _name in settings.LANGUAGES]
    return tuple((code, iri_to_uri(scheme_host + url)) for code, url in urls_in_languages(full_path, codes).items())


def _forget(**kwargs) -> None:
    _alternates.cache_clear()  # settings changed (tests): URLs and languages may differ


setting_changed.connect(_forget)


def languages(request):
    language = getattr(request, "LANGUAGE_CODE", ORIGINAL)
    alternates = []
    if request.method in ("GET", "HEAD"):
        # urls_in_languages gives absolute paths ("/en/cafes/?…"): build_absolute_uri would only prefix them.
        scheme_host = f"{request.scheme}://{request.get_host()}"
        alternates = list(_alternates(request.path_info, request.get_full_path(), scheme_host, get_script_prefix()))
    return {
        "language_alternates": alternates,
        "japanese_page": is_japanese(language),
        "furigana_on": furigana_wanted(request),
    }
