from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from community.services.profiles import profile_set_language

ONE_YEAR = 365 * 24 * 60 * 60


def home(request):
    return render(request, "nerima_portal/home.html")


def _safe_next(request) -> str:
    target = request.POST.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def _remember_choice(request, cookie: str, value: str):
    response = redirect(_safe_next(request))
    response.set_cookie(cookie, value, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure())
    return response


@require_POST
def text_size(request):
    """The 標準・大 switch: a cookie, so it works without JavaScript and before login."""
    size = "large" if request.POST.get("size") == "large" else "standard"
    return _remember_choice(request, "textsize", size)


@require_POST
def furigana(request):
    value = "on" if request.POST.get("furigana") == "on" else "off"
    return _remember_choice(request, "furigana", value)


@require_POST
def set_language(request):
    """Django's language switch (cookie + redirect); a logged-in resident also keeps the choice on their account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        profile_set_language(user=request.user, language=language)
    return response
