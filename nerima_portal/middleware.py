"""The real client address behind our proxies, and the headers that keep pages private and powerless."""

import ipaddress

from django.conf import settings
from django.utils.cache import patch_cache_control

# Pages that show someone's data to a visitor who is not signed in (a link from a mail, a receipt).
# Signed-in pages and answers to form posts are covered by the rules below, whatever their name.
ANONYMOUS_PERSONAL_VIEWS = {
    "community:signup_cancel",
    "hiroba:request_done",
    "account_confirm_email",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_confirm_login_code",
}


def _networks(entries):
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


class TrustedProxyMiddleware:
    """Replace REMOTE_ADDR by the client address our own proxies report in X-Forwarded-For.

    The header is believed only when the connection comes from a TRUSTED_PROXIES address; the chain is
    read from the right and the first address that is not one of ours is the client. Anyone can send
    the header, so without this rule one visitor could pose as another (or as everyone) to the limits.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = _networks(settings.TRUSTED_PROXIES)

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self.trusted)

    def __call__(self, request):
        remote = request.META.get("REMOTE_ADDR", "")
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if self.trusted and forwarded and self._is_trusted(remote):
            for hop in reversed([part.strip() for part in forwarded.split(",")]):
                if not self._is_trusted(hop):
                    try:
                        request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(hop))
                    except ValueError:
                        pass  # a malformed hop: keep the proxy's own address rather than a made-up one
                    break
        return self.get_response(request)


def carries_personal_data(request) -> bool:
    """True when the page may show personal data, so no browser or proxy may keep a copy."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True  # the header names the user; every signed-in page is theirs alone
    if request.method not in ("GET", "HEAD"):
        return True  # a form sent back with errors shows what was typed
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in ANONYMOUS_PERSONAL_VIEWS


class PrivacyHeadersMiddleware:
    """`Cache-Control: no-store` on pages with personal data; a Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if carries_personal_data(request):
            patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
