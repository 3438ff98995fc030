from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import content_version, ics
from community.forms.errors import add_service_errors
from community.forms.organizations import SignUpForm
from community.forms.signups import GuestSignUpForm
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


class _OrganizationBody:
    """What an organization page's body lists, read only when its cached fragment is missing."""

    def __init__(self, organization):
        self.organization = organization

    @cached_property
    def listings(self):
        return specific_listings(self.organization.listings.published().with_place().by_reading()[:100])

    @cached_property
    def places(self):
        return self.organization.places.with_area()


def organization_detail(request, pk):
    """A public organization page: who they are, how to reach them, and what they run (each kind's own page)."""
    organization = get_object_or_404(Organization.objects.published().select_related("area"), pk=pk)
    # The body (its listings and places) is a cached fragment: nothing in it changes without a content version.
    return render(
        request,
        "community/organization_detail.html",
        {"organization": organization, "body": _OrganizationBody(organization)},
    )


def _public_session(pk) -> Session:
    return get_object_or_404(Session.objects.visible().with_listing(), pk=pk)


class _SessionBody:
    """What a session page shows beyond the session, worked out only when its cached body (or the form) needs it."""

    def __init__(self, session, request):
        self._session, self.request = session, request

    @cached_property
    def session(self):
        """The session with its venue and organization down to their areas (the page's own read has its listing)."""
        return Session.objects.with_listing().get(pk=self._session.pk)

    @cached_property
    def contact(self):
        return self.session.listing.contact

    @cached_property
    def google_calendar_url(self):
        url = self.request.build_absolute_uri(reverse("community:session_detail", args=[self.session.pk]))
        return ics.google_calendar_url(self.session, url=url)


def session_detail(request, pk, form=None, guest_form=None, status=None):
    # The listing and its organization (its link) only: the title, breadcrumbs and sign-up part need no more; the
    # cached parts (description, JSON-LD, body, phone) read the venue and the rest when they are missing.
    session = get_object_or_404(Session.objects.visible().select_related("listing__organization"), pk=pk)
    my_signup = None
    if request.user.is_authenticated:
        my_signup = SignUp.objects.active().filter(session=session, user=request.user).first()
    # An anonymous visitor's page is cached whole (nerima_portal/page_cache.py; its CSRF token is filled in per
    # visitor) until the content version moves or the sign-up opens, closes or the session starts. A signed-in
    # visitor's page is rendered each time around its body, a cached fragment keyed on the seats left as well as
    # the content version, so the sign-up that takes the last seat shows at once.
    content_version.changes_at(request, session.signup_changes_at())
    context = {
        "session": session,
        "listing": session.listing,
        "body": _SessionBody(session, request),
        "seats_left": session.seats_left(),
        "my_signup": my_signup,
        "form": form or SignUpForm(),
        "guest_form": guest_form or GuestSignUpForm(),
    }
    if status is None:
        status = 400 if form or guest_form else 200
    return render(request, "community/session_detail.html", context, status=status)


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
            # Mails about this sign-up come in the language the resident is reading now (a /tl/ page: Tagalog).
            language=request.LANGUAGE_CODE,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return session_detail(request, pk, form=form)
    if signup.status == SignUp.Status.CONFIRMED:
        messages.success(
            request, _("申込を受け付けました（受付番号 %(reference)s）。確認のメールをお送りしました。") % {"reference": signup.receipt_reference}
        )
    else:
        messages.info(
            request,
            _("定員に達しているため、キャンセル待ちで受け付けました（受付番号 %(reference)s）。繰り上がったらメールでお知らせします。")
            % {"reference": signup.receipt_reference},
        )
    return redirect("community:session_detail", pk=pk)


def session_ics(request, pk):
    """The session as a calendar file; ?signup=<the mail's cancel token> adds that sign-up's cancel link."""
    token = request.GET.get("signup", "")
    signup = signup_services.signup_from_cancel_token(token) if token else None
    if signup is not None and signup.session_id == pk:
        # The mail's own link: its token proves the sign-up, so it opens even where the listing is not public
        # (an expert consultation is booked by organizations from their own pages).
        session = get_object_or_404(Session.objects.with_listing(), pk=pk)
        cancel_url = absolute_url(reverse("community:signup_cancel", args=[token]))
    else:
        session, cancel_url = _public_session(pk), ""
    body = ics.session_ics(session, url=absolute_url(session.listing.get_absolute_url()), cancel_url=cancel_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response
