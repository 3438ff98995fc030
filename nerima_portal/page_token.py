"""The CSRF token on pages the page cache shares (nerima_portal/page_cache.py): a placeholder in the stored page,
each visitor's own token in the page they get.

While the page cache renders a page it may store for everyone, `csrf_token` (what `{% csrf_token %}` prints) is
this module's placeholder instead of Django's masked token, so the page renders no visitor's token and no secret.
As the page leaves, on the miss that rendered it and on every hit, fill() puts in `get_token(request)`: the
visitor's own masked token, one value for every form of the page (as one render gives in Django), and the flag
that has CsrfViewMiddleware (outside the page cache) set or renew the visitor's cookie, as on any page that uses
the token. The placeholder is 64 characters like a masked token, fixed for a deployment (any app server fills what
another stored) and derived from SECRET_KEY: nobody can make a page echo it (say, in a search word) to have
their token printed where they chose.

Only the placeholder is ever stored: a render that got a real token (code that called get_token() itself, which
sets CSRF_COOKIE_NEEDS_UPDATE) is not stored (page_cache._storable). The CSRF check itself is Django's, unchanged:
a POST is checked against the sender's cookie, and the page they were given carries a token masked from that
cookie's secret, as Django's own render would; someone else's page or token is worth nothing with it.

`{% csrf_token %}` stays outside `{% cache %}` fragments, as it always had to (a fragment is shared, and one kept
from a shared render would hold the placeholder, which only the page cache fills).
"""

from functools import lru_cache

from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject

_SHARED = "_page_cache_shared"  # set by the page cache: this render may be stored for every visitor
_USED = "_page_cache_token_used"  # set when the render printed the placeholder


@lru_cache(maxsize=2)
def _placeholder(secret_key: str) -> str:
    return salted_hmac("nerima_portal.page_token", "placeholder", secret=secret_key, algorithm="sha256").hexdigest()


def placeholder() -> str:
    """What a shared page holds where a visitor's token goes."""
    return _placeholder(settings.SECRET_KEY)


def share(request) -> None:
    """The page cache may store this request's page for everyone: render the placeholder, not a token."""
    setattr(request, _SHARED, True)


def used(request) -> bool:
    """Whether this request's page printed the placeholder (and so needs fill())."""
    return getattr(request, _USED, False)


def csrf(request) -> dict:
    """Context processor after Django's own (which RequestContext always runs first): on a page being rendered to
    share, `csrf_token` is the placeholder; on every other page Django's token stays."""
    if not getattr(request, _SHARED, False):
        return {}

    def shared_token() -> str:
        setattr(request, _USED, True)
        return placeholder()

    return {"csrf_token": SimpleLazyObject(shared_token)}


def fill(request, response) -> None:
    """Put this visitor's own token where the page holds the placeholder."""
    response.content = response.content.replace(placeholder().encode(), get_token(request).encode())
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
