"""マイ団体: register an organization, keep its profile and places, invite and remove members."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.forms.errors import add_service_errors
from community.forms.organizations import InvitationForm, MemberRoleForm, OrganizationForm, PlaceForm
from community.models import Place
from community.services import organizations as services


def _refuse_editor(request, membership):
    """編集者 of this organization are told plainly that only 代表者 manage members (other organizations get 404)."""
    return render(
        request, "community/representative_only.html", {"organization": membership.organization}, status=403
    )


@login_required
def organization_apply(request):
    """Anyone logged in may apply; the organization is public only after staff approve it."""
    form = OrganizationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.organization_apply(applicant=request.user, organization=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("「%(name)s」の登録を申請しました。区の職員が確認し、承認されると公開されます。") % {"name": organization.name},
            )
            return redirect("community:organization_dashboard", org_pk=organization.pk)
    return render(request, "community/organization_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def organization_edit(request, org_pk):
    membership = access.get_membership_for_member(request.user, org_pk)
    organization = membership.organization
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        was_returned = organization.status == "returned"
        try:
            services.organization_update(organization=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if was_returned:
                messages.success(request, _("修正して、もう一度申請しました。区の職員が確認します。"))
            else:
                messages.success(request, _("団体の情報を保存しました。"))
            return redirect("community:organization_dashboard", org_pk=organization.pk)
    context = {"organization": organization, "form": form}
    return render(request, "community/organization_form.html", context, status=400 if form.errors else 200)


@login_required
def place_list(request, org_pk):
    organization = access.get_membership_for_member(request.user, org_pk).organization
    places = Place.objects.filter(organization=organization).with_area().order_by("name_kana", "name", "pk")
    page = Paginator(places, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "community/place_list.html", {"organization": organization, "page": page})


@login_required
def place_create(request, org_pk):
    organization = access.get_membership_for_member(request.user, org_pk).organization
    return _place_form(request, organization, Place())


@login_required
def place_edit(request, org_pk, pk):
    place = access.get_place_for_member(request.user, org_pk, pk)
    return _place_form(request, place.organization, place)


def _place_form(request, organization, place):
    form = PlaceForm(request.POST or None, request.FILES or None, instance=place)
    if request.method == "POST" and form.is_valid():
        try:
            place = services.place_save(organization=organization, place=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("「%(name)s」を保存しました（%(chome)s）。") % {"name": place.name, "chome": place.chome})
            return redirect("community:place_list", org_pk=organization.pk)
    context = {"organization": organization, "form": form, "place": place}
    return render(request, "community/place_form.html", context, status=400 if form.errors else 200)


@login_required
def member_list(request, org_pk):
    """Members and pending invitations; 代表者 invite by e-mail here."""
    membership = access.get_membership_for_member(request.user, org_pk)
    if not membership.is_representative:
        return _refuse_editor(request, membership)
    organization = membership.organization
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organization=organization,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_error("email" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, _("%(email)s に招待のメールを送りました。") % {"email": invitation.email})
            return redirect("community:member_list", org_pk=organization.pk)
    context = {
        "organization": organization,
        "membership": membership,
        "members": organization.memberships.with_user(),
        "invitations": organization.invitations.pending().select_related("invited_by"),
        "form": form,
        "role_choices": MemberRoleForm.base_fields["role"].choices,
    }
    return render(request, "community/member_list.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def member_remove(request, org_pk, pk):
    membership = access.get_membership_for_member(request.user, org_pk)
    if not membership.is_representative:
        return _refuse_editor(request, membership)
    target = access.get_member_of_organization(request.user, org_pk, pk)
    try:
        services.membership_remove(membership=target, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s さんをメンバーから外しました。") % {"name": target.user})
        if target.user_id == request.user.id:
            return redirect("community:my_organizations")
    return redirect("community:member_list", org_pk=org_pk)


@login_required
@require_POST
def member_role(request, org_pk, pk):
    membership = access.get_membership_for_member(request.user, org_pk)
    if not membership.is_representative:
        return _refuse_editor(request, membership)
    target = access.get_member_of_organization(request.user, org_pk, pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("役割を選んでください。"))
        return redirect("community:member_list", org_pk=org_pk)
    try:
        services.membership_change_role(membership=target, role=form.cleaned_data["role"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s さんを%(role)sにしました。") % {"name": target.user, "role": target.get_role_display()}
        )
    return redirect("community:member_list", org_pk=org_pk)


@login_required
@require_POST
def invitation_revoke(request, org_pk, pk):
    membership = access.get_membership_for_member(request.user, org_pk)
    if not membership.is_representative:
        return _refuse_editor(request, membership)
    invitation = access.get_invitation_for_member(request.user, org_pk, pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("%(email)s への招待を取り消しました。") % {"email": invitation.email})
    return redirect("community:member_list", org_pk=org_pk)


@login_required
def invitation_accept(request, token):
    """The invite link: the invitee logs in (or signs up) with the invited address and accepts."""
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "community/invitation_invalid.html", status=404)
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("「%(name)s」のメンバーになりました。") % {"name": invitation.organization})
            return redirect("community:organization_dashboard", org_pk=invitation.organization_id)
    email_matches = request.user.email.lower() == invitation.email.lower()
    context = {"invitation": invitation, "error": error, "email_matches": email_matches}
    return render(request, "community/invitation_accept.html", context, status=400 if error else 200)
