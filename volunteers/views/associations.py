"""町会・自治会: directory, association page with join inquiry, newcomer page, resources, マイ団体 inquiries."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.forms.errors import add_service_errors
from community.fragments import cached_fragments
from community.models import Membership, Organization
from community.services.member_mail import member_recipients
from volunteers import queries, recipients
from volunteers.forms.associations import (
    AddressLookupForm,
    AssociationProfileForm,
    AssociationSearchForm,
    JoinInquiryForm,
)
from volunteers.models import AssociationProfile, CoordinatorTeam, JoinInquiry, Resource
from volunteers.models.associations import card_prefetches
from volunteers.services import associations as services


def association_list(request):
    """Directory: filter by 地域, 町名, activity or a typed address (plain GET form)."""
    form = AssociationSearchForm(request.GET or None)
    profiles = AssociationProfile.objects.published()
    chome = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chome = data["chome"]
        if chome is not None:
            profiles = profiles.covering(chome)
        elif data.get("town"):
            profiles = profiles.in_town(data["town"])
        if data.get("area"):
            profiles = profiles.in_area(data["area"])
        if data.get("activity"):
            profiles = profiles.with_activity(data["activity"])
    elif form.is_bound:
        profiles = profiles.none()
    page = Paginator(profiles.for_cards(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    cards = cached_fragments(
        "volunteers/association__card.html", page.object_list, request=request,
        key=lambda profile: profile.pk, context=lambda profile: {"profile": profile},
        before_render=lambda missing: prefetch_related_objects(missing, *card_prefetches()),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "volunteers/association_list.html",
        {"form": form, "page": page, "cards": cards, "chome": chome, "query": query.urlencode()},
    )


def association_detail(request, pk, form=None):
    profile = get_object_or_404(AssociationProfile.objects.published().for_detail(), pk=pk)
    if form is None:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.full_name, "email": request.user.email}
        form = JoinInquiryForm(initial=initial)
    # Members of the association get a shortcut to its inquiries (マイ団体).
    is_member = (
        request.user.is_authenticated
        and Membership.objects.filter(user=request.user, organization=profile.organization_id).exists()
    )
    return render(
        request,
        "volunteers/association_detail.html",
        {"profile": profile, "organization": profile.organization, "form": form, "is_member": is_member},
        status=400 if form.is_bound else 200,
    )


@require_POST
def association_inquiry(request, pk):
    """加入の問い合わせ: no account needed, only a name and a way to reply."""
    profile = get_object_or_404(AssociationProfile.objects.published().select_related("organization"), pk=pk)
    form = JoinInquiryForm(request.POST)
    if form.is_spam():
        # Pretend success so that bots learn nothing; nothing is stored.
        return redirect("volunteers:association_inquiry_sent", pk=pk)
    if not form.is_valid():
        return association_detail(request, pk, form=form)
    data = form.cleaned_data
    try:
        inquiry = services.join_inquiry_create(
            association=profile.organization,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            address=data["address"],
            message=data["message"],
            user=request.user,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return association_detail(request, pk, form=form)
    # The receipt page shows this inquiry's reference to the browser that sent it, and to nobody else.
    request.session[SENT_INQUIRY_KEY] = inquiry.pk
    return redirect("volunteers:association_inquiry_sent", pk=pk)


SENT_INQUIRY_KEY = "volunteers:sent_join_inquiry"


def association_inquiry_sent(request, pk):
    profile = get_object_or_404(AssociationProfile.objects.published().select_related("organization__area"), pk=pk)
    inquiry = JoinInquiry.objects.filter(
        pk=request.session.get(SENT_INQUIRY_KEY, 0), association=profile.organization
    ).select_related("association__area").first()
    receipt = None
    if inquiry is not None:
        has_members = member_recipients(profile.organization_id) != []
        receipt = recipients.join_inquiry_receipt(inquiry, has_members=has_members)
    return render(
        request,
        "volunteers/association_inquiry_sent.html",
        {"profile": profile, "receipt": receipt, "receipt_mailed": bool(inquiry and inquiry.email)},
    )


def newcomer(request):
    """転入された方へ: what associations are, and the one(s) for the reader's address. Printable on A4."""
    form = AddressLookupForm(request.GET or None)
    chome = associations = district = team = None
    if form.is_bound and form.is_valid():
        chome = form.cleaned_data["chome"]
        associations = list(queries.associations_for_chome(chome))
        district = queries.district_for_chome(chome)
        team = CoordinatorTeam.objects.filter(area=chome.town.area_id).first()
    resources = Resource.objects.published()
    return render(
        request,
        "volunteers/newcomer.html",
        {
            "form": form,
            "chome": chome,
            "associations": associations,
            "district": district,
            "team": team,
            "resources": resources,
        },
    )


def resource_download(request, pk):
    resource = get_object_or_404(Resource.objects.published(), pk=pk)
    try:
        handle = resource.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=False, filename=f"resource-{resource.pk}.pdf", content_type="application/pdf")


@login_required
def my_inquiries(request, org_pk):
    """マイ団体: the association's own join inquiries (members of that association only)."""
    organization = access.get_organization_for_member(request.user, org_pk)
    status = request.GET.get("status", "")
    inquiries = JoinInquiry.objects.for_organization(organization).select_related("answered_by")
    if status in JoinInquiry.Status.values:
        inquiries = inquiries.filter(status=status)
    page = Paginator(inquiries, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/association_my_inquiries.html",
        {
            "organization": organization,
            "page": page,
            "status": status,
            "statuses": JoinInquiry.Status.choices,
            "outcomes": JoinInquiry.Outcome.choices,
            "waiting": JoinInquiry.objects.for_organization(organization).unanswered().count(),
        },
    )


@login_required
@require_POST
def my_inquiry_answered(request, org_pk, pk):
    organization = access.get_organization_for_member(request.user, org_pk)
    inquiry = get_object_or_404(JoinInquiry.objects.for_organization(organization), pk=pk)
    if request.POST.get("reopen"):
        services.join_inquiry_reopen(inquiry=inquiry)
        messages.success(request, _("「未回答」に戻しました。"))
    else:
        services.join_inquiry_mark_answered(inquiry=inquiry, by=request.user)
        messages.success(request, _("%(name)sさんの問い合わせを「回答済み」にしました。") % {"name": inquiry.name})
    return redirect("volunteers:my_inquiries", org_pk=organization.pk)


@login_required
@require_POST
def my_inquiry_outcome(request, org_pk, pk):
    """Record what came of an inquiry (加入した / 見送り / 連絡つかず), for the ward's 加入促進 figures."""
    organization = access.get_organization_for_member(request.user, org_pk)
    inquiry = get_object_or_404(JoinInquiry.objects.for_organization(organization), pk=pk)
    try:
        inquiry = services.join_inquiry_set_outcome(inquiry=inquiry, outcome=request.POST.get("outcome", ""), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if inquiry.outcome:
            messages.success(request, _("%(name)sさんの問い合わせの結果を「%(outcome)s」にしました。")
                             % {"name": inquiry.name, "outcome": inquiry.get_outcome_display()})
        else:
            messages.success(request, _("結果の記録を消しました。"))
    return redirect("volunteers:my_inquiries", org_pk=organization.pk)


@login_required
def my_association(request, org_pk):
    """マイ団体: members edit their association's page (activities, meeting place, joining, fee, photos)."""
    organization = access.get_organization_for_member(request.user, org_pk)
    if organization.kind != Organization.Kind.NEIGHBORHOOD:
        raise Http404
    profile = (
        AssociationProfile.objects.filter(organization=organization)
        .select_related("meeting_place")
        .prefetch_related("chomes__town", "activities", "photos")
        .first()
    ) or AssociationProfile(organization=organization)
    profile.organization = organization
    form = AssociationProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.association_profile_update(
                profile=form.save(commit=False),
                activities=data["activities"],
                new_photo=data.get("new_photo"),
                new_photo_alt=data.get("new_photo_alt", ""),
                remove_photos=data.get("remove_photos") or [],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("町会・自治会の紹介を保存しました。公開ページにすぐ反映されます。"))
            return redirect("volunteers:my_association", org_pk=organization.pk)
    return render(
        request,
        "volunteers/association_my_profile.html",
        {"organization": organization, "profile": profile, "form": form, "org_nav": "association"},
        status=400 if form.errors else 200,
    )
