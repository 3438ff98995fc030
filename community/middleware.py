"""Follow a logged-in resident's stored language unless they just chose another one or the URL names one."""

from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen_cookie = settings.LANGUAGE_COOKIE_NAME in request.COOKIES
        from_path = getattr(request, "language_from_path", None)
        if user is not None and user.is_authenticated and not chosen_cookie and not from_path:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)
