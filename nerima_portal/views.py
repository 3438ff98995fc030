from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

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
