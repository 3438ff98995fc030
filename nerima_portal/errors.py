"""Error pages (404, 403, 500, CSRF) in the site's layout and the reader's language, with the ward's phone.

The 500 page is rendered with the full layout when it can be; if even that fails (the database is down), a
plain page with the same words and phone is returned, never a traceback. The CSRF page keeps what was typed
and, when the form came from this site, offers to send it again with a fresh token.
"""

import logging
from urllib.parse import urlsplit

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.utils.translation import gettext as _

from community.geography import WARD_DESK

logger = logging.getLogger("nerima.errors")

# Fields never echoed back into a page: secrets, and the stale token the browser sent.
NOT_ECHOED = ("password", "csrfmiddlewaretoken")
MAX_FIELDS = 100


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def server_error(request):
    try:
        return render(request, "errors/500.html", status=500)
    except Exception:
        logger.exception("the 500 page itself failed; sending the plain one")
        return HttpResponseServerError(_plain_500(), content_type="text/html; charset=utf-8")


def _plain_500() -> str:
    title = _("ただいま表示できません")
    body = _("しばらくしてから、もう一度お試しください。お急ぎの方はお電話ください。")
    return (
        f'<!doctype html><html lang="{_("ja")}"><meta charset="utf-8"><title>{title}</title>'
        f"<h1>{title}</h1><p>{body}</p>"
        f'<p>{WARD_DESK["desk_name"]} <a href="tel:0339931111">{WARD_DESK["desk_phone"]}</a></p></html>'
    )


def _same_origin(request) -> bool:
    """True when the refused form was posted from a page of this site (never re-send another site's form)."""
    host = request.get_host()
    origin = request.headers.get("Origin") or request.headers.get("Referer") or ""
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc == host and parts.scheme in ("http", "https")


def csrf_failure(request, reason=""):
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if not any(word in name.lower() for word in NOT_ECHOED)
        for value in values
    ][:MAX_FIELDS]
    has_secret = any("password" in name.lower() for name in request.POST)
    offer_resend = bool(fields) and not has_secret and request.method == "POST" and _same_origin(request)
    context = {
        "fields": fields,
        "typed": [value for _name, value in fields if value.strip()],
        "offer_resend": offer_resend,
        "had_files": bool(request.FILES),
        "had_password": has_secret,
    }
    return render(request, "errors/csrf.html", context, status=403)
