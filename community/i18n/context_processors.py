"""What every page's <head> and header need to offer the other languages."""

from django.conf import settings

from community.i18n.languages import ORIGINAL, is_japanese
from community.i18n.middleware import furigana_wanted
from community.i18n.urls import is_language_path, url_in_language


def languages(request):
    language = getattr(request, "LANGUAGE_CODE", ORIGINAL)
    alternates = []
    if request.method in ("GET", "HEAD") and is_language_path(request.path_info):
        path = request.get_full_path()
        alternates = [
            (code, request.build_absolute_uri(url_in_language(path, code))) for code, _name in settings.LANGUAGES
        ]
    return {
        "language_alternates": alternates,
        "japanese_page": is_japanese(language),
        "furigana_on": furigana_wanted(request),
    }
