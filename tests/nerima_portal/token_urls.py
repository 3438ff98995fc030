"""The portal's URLs plus small pages with a form that posts and one more per-visitor part each, for the tests that
the page cache shares a page whose only per-visitor part is the CSRF token and no other (never part of the portal)."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import path
from django.utils.cache import patch_cache_control

from nerima_portal.urls import urlpatterns as portal_urlpatterns

FORM = engines["django"].from_string(
    '<form method="post" action="/token-test/form/">{% csrf_token %}<p>{{ text }}</p>'
    '<input name="note" value="{{ typed }}"><button>送る</button></form>'
)


def _page(request, *, text="問い合わせフォーム", typed="", status=200):
    return HttpResponse(FORM.render({"text": text, "typed": typed}, request), status=status)


def form(request):
    """The form; sent with `again`, it comes back with what was typed (a 200, the worst case for a cache)."""
    if request.method != "POST":
        return _page(request)
    if "again" in request.POST:
        return _page(request, text="もう一度ご確認ください", typed=request.POST.get("note", ""))
    return HttpResponse("送信しました")


def sets_a_cookie(request):
    response = _page(request)
    response.set_cookie("seen", "yes")
    return response


def writes_the_session(request):
    request.session["seen"] = True
    return _page(request)


def adds_a_message(request):
    messages.info(request, "お知らせがあります")
    return _page(request)


def private(request):
    response = _page(request)
    patch_cache_control(response, private=True)
    return response


def not_found(request):
    return _page(request, status=404)


def takes_the_token_itself(request):
    # Code that prints the real token (in a data attribute, say) instead of going through {% csrf_token %}.
    return _page(request, text=f"token {get_token(request)}")


def greets(request):
    return _page(request, text=f"ようこそ {request.user.email}" if request.user.is_authenticated else "ようこそ")


urlpatterns = [
    path("token-test/form/", form),
    path("token-test/cookie/", sets_a_cookie),
    path("token-test/session/", writes_the_session),
    path("token-test/message/", adds_a_message),
    path("token-test/private/", private),
    path("token-test/missing/", not_found),
    path("token-test/own-token/", takes_the_token_itself),
    path("token-test/greets/", greets),
    *portal_urlpatterns,
]
