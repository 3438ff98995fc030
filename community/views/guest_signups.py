"""Sign up as a guest (no account) and finish it from the mail's link in any browser."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from community.forms.errors import add_service_errors
from community.forms.signups import GuestSignUpForm
from community.models import SignUp
from community.services import guest_signups as services
from community.views.sessions import _public_session, session_detail

# Sign-ups this browser made, so that only it (not someone who knows the phone number) sees the reference.
SESSION_KEY = "community_guest_signups"
# Complete guest sign-ups per client address, counted in the cache (a bot cannot fill a session).
GUEST_RATE = "10/h"


def _over_limit(request) -> bool:
    return is_ratelimited(
        request, group="community.guest_signup", key="ip", rate=GUEST_RATE, method="POST", increment=True
    )


@require_POST
def guest_signup(request, pk):
    session = _public_session(pk)
    form = GuestSignUpForm(request.POST)
    if form.is_spam():
        form.add_error(None, _("送信できませんでした。お手数ですが、運営団体へお電話ください。"))
        return session_detail(request, pk, guest_form=form)
    if not form.is_valid():
        return session_detail(request, pk, guest_form=form)
    if _over_limit(request):
        form.add_error(
            None, _("短い時間にたくさん申し込まれたため、受け付けを一時止めています。運営団体へお電話ください。")
        )
        return session_detail(request, pk, guest_form=form, status=429)
    data = form.cleaned_data
    try:
        signup, created = services.guest_signup_start(
            session=session, name=data["name"], phone=data["phone"], email=data["email"],
            party_size=data["party_size"], note=data["note"], language=get_language() or "ja",
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return session_detail(request, pk, guest_form=form)
    mine = request.session.get(SESSION_KEY, [])
    if created:
        request.session[SESSION_KEY] = [*mine[-9:], signup.pk]
    elif signup.pk not in mine:
        # Someone else's sign-up under this contact: say so without showing its reference.
        return render(request, "community/guest_signup_exists.html", {"session": session, "listing": session.listing})
    return redirect("community:guest_signup_done", pk=signup.pk)


def guest_signup_done(request, pk):
    """What happens next: check your mail, or (phone only) the reference number and whom to call."""
    if pk not in request.session.get(SESSION_KEY, []):
        raise Http404
    signup = get_object_or_404(SignUp.objects.select_related("session__listing__organization"), pk=pk)
    return render(
        request,
        "community/guest_signup_done.html",
        {"signup": signup, "session": signup.session, "listing": signup.session.listing},
    )


def guest_signup_confirm(request, token):
    """The mail's link: GET shows what will be confirmed (mail scanners only GET), POST finishes it."""
    signup = services.signup_from_confirm_token(token)
    if signup is None:
        raise Http404
    context = {"signup": signup, "session": signup.session, "listing": signup.session.listing, "error": None}
    if request.method == "POST":
        try:
            signup = services.guest_signup_confirm(signup=signup)
        except ValidationError as error:
            context["error"] = error.messages[0]
            return render(request, "community/guest_signup_confirm.html", context, status=400)
        context["signup"] = signup
        return render(request, "community/guest_signup_confirmed.html", context)
    return render(request, "community/guest_signup_confirm.html", context)
