"""Put ふりがな over the kanji of every Japanese HTML page when the reader switched them on."""

from django.utils.cache import patch_vary_headers

from international.furigana import html_with_readings

COOKIE = "furigana"


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
            request.COOKIES.get(COOKIE) == "on"
            and getattr(request, "LANGUAGE_CODE", "") == "ja"
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/admin/")
        )
