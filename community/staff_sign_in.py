"""Staff sign-in: a second factor before any staff page, 30 minutes idle and 12 hours in all.

Residents keep the simple login. A staff account signs in through allauth (password, then the code of an
authenticator app, a recovery code or a security key); until that second step is done in this session, a
staff account reaches nothing but the sign-in and two-factor pages themselves.
"""

import time
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

IDLE_SECONDS = getattr(settings, "STAFF_SESSION_IDLE_SECONDS", 30 * 60)
MAX_SECONDS = getattr(settings, "STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)
# The last-seen time is written at most once a minute: not a session write on every page.
SEEN_PRECISION = 60
STARTED_KEY = "staff_session_started"
SEEN_KEY = "staff_session_seen"
# The second factors that count; recovery codes are a way to pass the step, not an authenticator of their own.
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
# What a staff account may open before its second step: signing in, the two-factor pages and the page tools.
OPEN_URL_PREFIXES = ("account_", "mfa_")
OPEN_URL_NAMES = {"set_language", "text_size", "furigana"}


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


def two_factor_passed(request) -> bool:
    """Whether this session's user passed a second factor in this session (allauth's records; no query).

    Staff cannot remove their last authenticator (PortalMFAAdapter), so a factor passed stays a factor held.
    """
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def two_factor_url(request, next_url: str) -> str:
    """Where a staff account goes for its second step: set up an authenticator app first, or use the one it has."""
    name = "mfa_reauthenticate" if has_second_factor(request.user) else "mfa_activate_totp"
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _expired(request, now: float) -> bool:
    session = request.session
    started = session.get(STARTED_KEY, now)
    seen = session.get(SEEN_KEY, now)
    return now - seen > IDLE_SECONDS or now - started > MAX_SECONDS


class StaffSessionMiddleware:
    """Ends idle or long staff sessions, and keeps staff on the sign-in pages until the second factor is done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            if _expired(request, now):
                logout(request)
                messages.info(request, _("しばらく操作がなかったか、ログインから12時間が過ぎたため、ログアウトしました。"
                                         "もう一度ログインしてください。"))
                return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
            if now - request.session.get(SEEN_KEY, 0) >= SEEN_PRECISION:
                request.session[SEEN_KEY] = now
                # The cookie ends with the idle time too, so a closed browser does not keep a staff session.
                request.session.set_expiry(IDLE_SECONDS)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not (user.is_authenticated and user.is_staff) or two_factor_passed(request):
            return None
        match = request.resolver_match
        name = (match.url_name if match else None) or ""
        if name.startswith(OPEN_URL_PREFIXES) or name in OPEN_URL_NAMES or view_func.__module__ == "django.views.static":
            return None
        return redirect(two_factor_url(request, request.get_full_path()))


def staff_login_started(sender, request, user, **kwargs) -> None:
    """user_logged_in: a staff session's 12 hours start at sign-in."""
    if user.is_staff and hasattr(request, "session"):
        now = time.time()
        request.session[STARTED_KEY] = now
        request.session[SEEN_KEY] = now
        request.session.set_expiry(IDLE_SECONDS)


def second_factor_added(sender, request, user, authenticator, **kwargs) -> None:
    """allauth's authenticator_added: setting up the app needed its current code, which counts as the second step."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and authenticator.type in SECOND_FACTORS:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


class PortalMFAAdapter(DefaultMFAAdapter):
    """Staff keep at least one second factor: the admin needs it, so it cannot be switched off by its owner."""

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        user = authenticator.user
        if not user.is_staff or authenticator.type not in SECOND_FACTORS:
            return super().can_delete_authenticator(authenticator)
        others = Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exclude(pk=authenticator.pk)
        return others.exists()


def authenticator_code(secret: str) -> str:
    """The code an authenticator app shows now: that of the current 30-second window.

    allauth also accepts the windows either side (MFA_TOTP_TOLERANCE); the first counter it tries is the previous
    window's, whose code stops working as soon as the current window ends, so a code taken from there failed when
    typed near the turn (the review journey did, once)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
