"""Cancel a sign-up after a confirmation page, and 「元に戻す」 while the seat is still free.

Two doors lead here: マイページ (signed in) and the one-click link in the mail (the signed token is the key).
Both show what will be cancelled first; a GET never changes anything.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.services import signups as services


def _cancelled_page(request, signup, *, restore_url: str, error: str = "", status: int = 200):
    context = {
        "signup": signup,
        "can_restore": services.signup_can_restore(signup),
        "restore_url": restore_url,
        "error": error,
    }
    return render(request, "community/signup_cancelled.html", context, status=status)


@login_required
def mypage_signup_cancel(request, pk):
    signup = access.get_signup_for_user(request.user, pk)
    if request.method == "POST":
        services.signup_cancel(signup=signup)
        return redirect("community:mypage_signup_cancelled", pk=pk)
    return render(
        request, "community/signup_cancel_confirm.html", {"signup": signup, "back_url": reverse("community:mypage")}
    )


@login_required
def mypage_signup_cancelled(request, pk):
    signup = access.get_signup_for_user(request.user, pk)
    return _cancelled_page(request, signup, restore_url=reverse("community:mypage_signup_restore", args=[pk]))


@login_required
@require_POST
def mypage_signup_restore(request, pk):
    signup = access.get_signup_for_user(request.user, pk)
    try:
        services.signup_restore(signup=signup)
    except ValidationError as error:
        signup.refresh_from_db()
        url = reverse("community:mypage_signup_restore", args=[pk])
        return _cancelled_page(request, signup, restore_url=url, error=error.messages[0], status=409)
    messages.success(request, _("申込を元に戻しました。"))
    return redirect("community:session_detail", pk=signup.session_id)


def _signup_for_token(token):
    signup = services.signup_from_cancel_token(token)
    if signup is None:
        raise Http404
    return signup


def signup_cancel_by_token(request, token):
    """One-click cancel from the mail: GET shows what will be cancelled, POST cancels (no login needed)."""
    signup = _signup_for_token(token)
    if request.method == "POST":
        signup = services.signup_cancel(signup=signup)
        return _cancelled_page(request, signup, restore_url=reverse("community:signup_restore", args=[token]))
    return render(request, "community/signup_cancel_confirm.html", {"signup": signup})


@require_POST
def signup_restore_by_token(request, token):
    signup = _signup_for_token(token)
    try:
        signup = services.signup_restore(signup=signup)
    except ValidationError as error:
        signup.refresh_from_db()
        url = reverse("community:signup_restore", args=[token])
        return _cancelled_page(request, signup, restore_url=url, error=error.messages[0], status=409)
    return render(request, "community/signup_restored.html", {"signup": signup})
