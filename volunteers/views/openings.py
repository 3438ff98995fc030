"""ボランティア募集 for residents: browse, the volunteer profile, fitting openings, applying, replies, invitations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.forms.errors import add_service_errors
from community.fragments import RowsById, cached_fragments, cached_page
from volunteers.forms.openings import OpeningApplyForm, OpeningFilterForm, ReplyForm, VolunteerProfileForm
from volunteers.models import (
    ActivityField,
    Opening,
    OpeningApplication,
    VolunteerInvitation,
    VolunteerProfile,
)
from volunteers.selectors import matching
from volunteers.services import openings as services
from volunteers.services.college import finished_fields

ANSWER_SECONDS = 5 * 60  # as long as a cached page


def opening_list(request):
    """All open openings, filtered by plain GET parameters, earliest closing first."""
    form = OpeningFilterForm(request.GET or None)
    openings = Opening.objects.accepting().with_area().order_by("closes_on", "pk")
    if form.is_valid():
        if form.cleaned_data["field"]:
            openings = openings.in_field(form.cleaned_data["field"])
        if form.cleaned_data["area"]:
            openings = openings.filter(area=form.cleaned_data["area"])
        if form.cleaned_data["suitable"]:
            openings = openings.filter(suitable_for__icontains=f'"{form.cleaned_data["suitable"]}"')
    # The count and the page's ids are cached per search, content version and day (an opening leaves the list the day
    # after it closes, without a write); the entries are cached fragments, the openings read only for those missing.
    page = cached_page(
        "openings-answer", f"{timezone.localdate()}:{request.GET.urlencode()}", openings.values_list("pk", flat=True),
        request=request, per_page=settings.PAGE_SIZE, seconds=ANSWER_SECONDS,
    )
    found = RowsById(page.object_list, lambda missing_ids: Opening.objects.with_area().filter(pk__in=missing_ids))
    cards = cached_fragments(
        "volunteers/opening_summary.html", found.rows, request=request,
        key=lambda pk: pk, context=lambda pk: {"opening": found.of(pk), "heading_level": "2"},
        before_render=found.load,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "volunteers/opening_list.html",
        {"form": form, "page": page, "cards": cards, "query": query.urlencode()},
    )


def opening_detail(request, pk, form=None):
    opening = get_object_or_404(Opening.objects.published().with_area(), pk=pk)
    my_application = None
    if request.user.is_authenticated:
        my_application = OpeningApplication.objects.filter(opening=opening, user=request.user).first()
    context = {"opening": opening, "my_application": my_application, "form": form or OpeningApplyForm()}
    return render(request, "volunteers/opening_detail.html", context, status=400 if form else 200)


@login_required
@require_POST
def opening_apply(request, pk):
    opening = get_object_or_404(Opening.objects.published().with_area(), pk=pk)
    form = OpeningApplyForm(request.POST)
    if not form.is_valid():
        return opening_detail(request, pk, form=form)
    try:
        services.opening_apply(opening=opening, user=request.user, message=form.cleaned_data["message"])
    except ValidationError as error:
        add_service_errors(form, error)
        return opening_detail(request, pk, form=form)
    messages.success(request, _("応募しました。団体から返事があるとメールでお知らせします。"))
    return redirect("volunteers:my_volunteering")


@login_required
def profile_edit(request):
    profile = VolunteerProfile.objects.filter(user=request.user).first() or VolunteerProfile(user=request.user)
    form = VolunteerProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("ボランティアのプロフィールを保存しました。あなたに合う募集を表示します。"))
        return redirect("volunteers:matches")
    finished = finished_fields(request.user)
    context = {"form": form, "finished": finished, "finished_labels": [ActivityField(code).label for code in finished]}
    return render(request, "volunteers/profile_edit.html", context, status=400 if form.errors else 200)


@login_required
def matches(request):
    """Openings that fit the profile, best first, each with the reason it fits."""
    profile = VolunteerProfile.objects.filter(user=request.user).prefetch_related("areas").first()
    if profile is None:
        return redirect("volunteers:profile_edit")
    facts = matching.ProfileFacts.of(profile, finished_fields=finished_fields(request.user))
    page = Paginator(matching.matching_openings(facts), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "volunteers/opening_matches.html", {"page": page, "profile": profile})


@login_required
def my_volunteering(request):
    """The resident's applications (with the organization's messages) and invitations."""
    applications = OpeningApplication.objects.filter(user=request.user).with_opening()
    invitations = VolunteerInvitation.objects.filter(profile__user=request.user).select_related("organization", "opening")
    return render(
        request,
        "volunteers/opening_my.html",
        {"applications": applications, "invitations": invitations, "reply_form": ReplyForm()},
    )


@login_required
@require_POST
def application_reply(request, pk):
    application = get_object_or_404(OpeningApplication, pk=pk, user=request.user)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.opening_application_reply(application=application, user=request.user, reply=form.cleaned_data["reply"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("団体に返信しました。"))
    else:
        messages.error(request, _("返信の内容を入力してください。"))
    return redirect("volunteers:my_volunteering")


@login_required
@require_POST
def application_withdraw(request, pk):
    """The resident takes back an application that has no result yet (only their own: others' are 404)."""
    application = get_object_or_404(OpeningApplication.objects.select_related("opening"), pk=pk, user=request.user)
    try:
        services.opening_application_withdraw(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("「%(title)s」への応募を取り下げました。団体にお知らせしました。") % {"title": application.opening.title}
        )
    return redirect("volunteers:my_volunteering")


@login_required
@require_POST
def invitation_respond(request, pk):
    invitation = get_object_or_404(VolunteerInvitation, pk=pk, profile__user=request.user)
    accept = request.POST.get("answer") == "accept"
    try:
        services.invitation_respond(invitation=invitation, user=request.user, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(request, _("招待を承諾しました。団体にあなたの連絡先が伝わります。"))
        else:
            messages.success(request, _("招待をお断りしました。団体に連絡先は伝わりません。"))
    return redirect("volunteers:my_volunteering")
