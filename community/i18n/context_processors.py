"""What every page's <head> and header need to offer the other languages."""

from django.conf import settings

from community.i18n.languages import ORIGINAL, is_japanese
from community.i18n.middleware import furigana_wanted
from community.i18n.urls import is_language_path, urls_in_languages


def languages(request):
    language = getattr(request, "LANGUAGE_CODE", ORIGINAL)
    alternates = []
    if request.method in ("GET", "HEAD") and is_language_path(request.path_info):
        codes = [code for code, _name in settings.LANGUAGES]
        alternates = [
            (code, request.build_absolute_uri(url)) for code, url in urls_in_languages(request.get_full_path(), codes).items()
        ]
    return {
        "language_alternates": alternates,
        "japanese_page": is_japanese(language),
        "furigana_on": furigana_wanted(request),
    }
