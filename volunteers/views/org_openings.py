"""マイ団体 for volunteer openings: post and edit openings, answer applications, the roster, invitations.

Every view fetches the organization (and anything under it) through community.access, so a member of
organization A gets 404 on every URL of organization B.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.forms.errors import add_service_errors
from volunteers.forms.openings import DecisionForm, InvitationForm, OpeningForm, VolunteerSearchForm
from volunteers.models import (
    CollegeApplication,
    Opening,
    OpeningApplication,
    VolunteerInvitation,
    VolunteerProfile,
)
from volunteers.services import openings as services

AppStatus = OpeningApplication.Status


def _application_for_member(user, org_pk, pk) -> OpeningApplication:
    """An application to one of the organization's openings, if the user is a member of it, else 404."""
    organization = access.get_organization_for_member(user, org_pk)
    return get_object_or_404(OpeningApplication.objects.for_organization(organization).with_opening(), pk=pk)


@login_required
def org_openings(request, org_pk):
    organization = access.get_organization_for_member(request.user, org_pk)
    openings = (
        Opening.objects.of_organization(organization)
        .select_related("area")
        .annotate(
            open_count=Count("applications", filter=Q(applications__status__in=OpeningApplication.OPEN_STATUSES)),
            accepted_count=Count("applications", filter=Q(applications__status=AppStatus.ACCEPTED)),
        )
        .order_by("-closes_on", "-pk")
    )
    page = Paginator(openings, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "volunteers/opening_org_list.html", {"organization": organization, "page": page})


@login_required
def org_opening_edit(request, org_pk, pk=None):
    organization = access.get_organization_for_member(request.user, org_pk)
    if pk is None:
        opening = Opening(organization=organization)
    else:
        opening = access.get_listing_in_organization(request.user, org_pk, pk, model=Opening)
    form = OpeningForm(request.POST or None, instance=opening, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.opening_save(opening=form.save(commit=False), submit="submit" in request.POST)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("募集を保存しました。") if "submit" not in request.POST else _("募集を保存し、承認を申請しました。区の確認後に公開されます。"))
            return redirect("volunteers:org_openings", org_pk=organization.pk)
    return render(
        request,
        "volunteers/opening_form.html",
        {"organization": organization, "opening": opening, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def org_applications(request, org_pk):
    organization = access.get_organization_for_member(request.user, org_pk)
    applications = OpeningApplication.objects.for_organization(organization).with_opening().order_by(
        "-created_at", "-pk"
    )
    status = request.GET.get("status")
    if status in AppStatus.values:
        applications = applications.filter(status=status)
    page = Paginator(applications, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/opening_org_applications.html",
        {"organization": organization, "page": page, "statuses": AppStatus.choices, "status": status},
    )


@login_required
def org_application_detail(request, org_pk, pk):
    application = _application_for_member(request.user, org_pk, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.opening_application_decide(
                application=application, decision=form.cleaned_data["decision"], message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("応募者に返事を送りました。"))
            return redirect("volunteers:org_application", org_pk=org_pk, pk=pk)
    return render(
        request,
        "volunteers/opening_org_application.html",
        {"organization": application.opening.organization, "application": application, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def org_roster(request, org_pk):
    """Accepted volunteers (from applications and accepted invitations), with their contact details."""
    organization = access.get_organization_for_member(request.user, org_pk)
    accepted = OpeningApplication.objects.for_organization(organization).accepted().with_opening().order_by(
        "-decided_at"
    )
    invited = (
        VolunteerInvitation.objects.filter(organization=organization)
        .accepted()
        .select_related("profile__user", "opening")
        .order_by("-responded_at")
    )
    return render(
        request,
        "volunteers/opening_org_roster.html",
        {"organization": organization, "accepted": accepted, "invited": invited},
    )


@login_required
def org_volunteer_search(request, org_pk):
    """Opted-in volunteers and College graduates by field and area; no names or contacts are shown."""
    organization = access.get_organization_for_member(request.user, org_pk)
    form = VolunteerSearchForm(request.GET or None)
    profiles = VolunteerProfile.objects.visible_to_organizations().exclude(user__memberships__organization=organization)
    if form.is_valid():
        if form.cleaned_data["field"]:
            profiles = profiles.in_field(form.cleaned_data["field"])
        if form.cleaned_data["area"]:
            profiles = profiles.filter(areas=form.cleaned_data["area"])
    profiles = profiles.prefetch_related(
        "areas",
        Prefetch(
            "user__college_applications",
            queryset=CollegeApplication.objects.graduated().select_related("course"),
            to_attr="graduations",
        ),
        Prefetch(
            "invitations",
            queryset=VolunteerInvitation.objects.filter(organization=organization),
            to_attr="our_invitations",
        ),
    ).select_related("user").order_by("-updated_at", "pk")
    page = Paginator(profiles, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "volunteers/profile_search.html",
        {"organization": organization, "form": form, "page": page, "query": query.urlencode(),
         "invite_openings": list(Opening.objects.of_organization(organization).accepting().only("pk", "title"))},
    )


@login_required
@require_POST
def org_invite(request, org_pk, profile_pk):
    organization = access.get_organization_for_member(request.user, org_pk)
    profile = get_object_or_404(VolunteerProfile.objects.visible_to_organizations(), pk=profile_pk)
    form = InvitationForm(request.POST, organization=organization)
    if form.is_valid():
        try:
            services.invitation_send(
                organization=organization, profile=profile, opening=form.cleaned_data["opening"],
                message=form.cleaned_data["message"], sent_by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("招待を送りました。承諾されると名簿に連絡先が表示されます。"))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("volunteers:org_volunteer_search", org_pk=organization.pk)
