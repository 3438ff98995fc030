from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.forms import SignUpForm
from community.mails import absolute_url
from community.models import Organization, Session, SignUp
from community.models.listings import specific_listings
from community.services import signups as signup_services


@login_required
def mypage(request):
    """マイページ: the resident's upcoming sign-ups."""
    upcoming = (
        SignUp.objects.active()
        .for_user(request.user)
        .filter(session__starts_at__gte=timezone.now())
        .select_related("session__listing", "session__place", "session__listing__place")
        .order_by("session__starts_at")
    )
    page_obj = Paginator(upcoming, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "community/mypage.html", {"upcoming_signups": page_obj, "page_obj": page_obj})


def organization_detail(request, pk):
    """A public organization page: who they are, how to reach them, and what they run (each kind's own page)."""
    organization = get_object_or_404(Organization.objects.published().select_related("area"), pk=pk)
    listings = specific_listings(organization.listings.published().with_place().by_reading()[:100])
    places = organization.places.with_area()
    return render(
        request,
        "community/organization_detail.html",
        {"organization": organization, "listings": listings, "places": places},
    )


def _public_session(pk) -> Session:
    return get_object_or_404(Session.objects.visible().with_listing(), pk=pk)


def session_detail(request, pk, form=None):
    session = _public_session(pk)
    my_signup = None
    if request.user.is_authenticated:
        my_signup = SignUp.objects.active().filter(session=session, user=request.user).first()
    context = {
        "session": session,
        "listing": session.listing,
        "contact": session.listing.contact,
        "seats_left": session.seats_left(),
        "my_signup": my_signup,
        "form": form or SignUpForm(),
    }
    return render(request, "community/session_detail.html", context, status=400 if form else 200)


@login_required
@require_POST
def session_signup(request, pk):
    session = _public_session(pk)
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return session_detail(request, pk, form=form)
    try:
        signup = signup_services.signup_create(
            session=session,
            user=request.user,
            party_size=form.cleaned_data["party_size"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return session_detail(request, pk, form=form)
    if signup.status == SignUp.Status.CONFIRMED:
        messages.success(
            request, _("申込を受け付けました（受付番号 %(reference)s）。確認のメールをお送りしました。") % {"reference": signup.reference}
        )
    else:
        messages.info(
            request,
            _("定員に達しているため、キャンセル待ちで受け付けました（受付番号 %(reference)s）。繰り上がったらメールでお知らせします。")
            % {"reference": signup.reference},
        )
    return redirect("community:session_detail", pk=pk)


def session_ics(request, pk):
    session = _public_session(pk)
    from community.ics import session_ics as build

    body = build(session, url=absolute_url(session.listing.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


def signup_cancel_by_token(request, token):
    """One-click cancel from the mail: GET shows what will be cancelled, POST cancels (no login needed)."""
    signup = signup_services.signup_from_cancel_token(token)
    if signup is None:
        raise Http404
    if request.method == "POST":
        signup_services.signup_cancel(signup=signup)
        return render(request, "community/signup_cancelled.html", {"signup": signup})
    return render(request, "community/signup_cancel_confirm.html", {"signup": signup})


@login_required
@require_POST
def mypage_signup_cancel(request, pk):
    signup = access.get_signup_for_user(request.user, pk)
    signup_services.signup_cancel(signup=signup)
    messages.success(request, _("申込をキャンセルしました。"))
    return redirect("community:mypage")
