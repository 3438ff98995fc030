"""Choose the page language (prefix, cookie, account, browser, Japanese) and put ふりがな over Japanese pages."""

from django.utils import translation
from django.utils.cache import patch_vary_headers

from community.i18n.furigana import html_with_readings
from community.i18n.languages import EASY, JAPANESE
from community.i18n.urls import language_from_path

FURIGANA_COOKIE = "furigana"


class LocaleMiddleware:
    """Django's LocaleMiddleware for our URLs: a /en/… or /easy/… prefix decides; an unprefixed page is read in
    the language the reader chose (cookie; the account's, see community.middleware; the browser's; Japanese)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        before = translation.get_language()
        from_path = language_from_path(request.path_info)
        translation.activate(from_path or translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        request.language_from_path = from_path
        try:
            response = self.get_response(request)
            if not from_path:
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
            response.headers.setdefault("Content-Language", translation.get_language())
        finally:
            # The page's language ends with the page: URLs reversed after it (in a test, a task) stay unprefixed.
            if before:
                translation.activate(before)
            else:
                translation.deactivate()
        return response


def furigana_wanted(request) -> bool:
    """ふりがな are on when the reader switched them on; for やさしい日本語 they are on unless switched off."""
    language = getattr(request, "LANGUAGE_CODE", "")
    cookie = request.COOKIES.get(FURIGANA_COOKIE)
    if language == EASY:
        return cookie != "off"
    return language in JAPANESE and cookie == "on"


class FuriganaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self._wanted(request, response):
            return response
        response.content = html_with_readings(response.content.decode(response.charset)).encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _wanted(request, response) -> bool:
        return (
            furigana_wanted(request)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/admin/")
        )
