"""マイ団体: the list of my organizations, one organization's dashboard, and the shared listing form."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.forms import modelform_factory
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.forms.errors import add_service_errors
from community.forms.organizations import ListingForm
from community.forms.translations import TRANSLATIONS_HELP, translation_forms
from community.models import Listing, Membership, PublicationStatus, Session, SignUp
from community.models.listings import specific_listings
from community.services import organizations as services
from community.services.notices import membership_set_notify
from community.services.translations import translations_save


@login_required
def my_organizations(request):
    """Every organization I belong to, with its review state and my role."""
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("organization__area")
        .annotate(listing_count=Count("organization__listings"))
        .order_by("organization__name_kana", "pk")
    )
    page = Paginator(memberships, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "community/my_organizations.html", {"page": page, "memberships": page.object_list})


@login_required
def organization_dashboard(request, org_pk):
    """One organization at a glance: profile, listings of every kind, upcoming sessions with counts."""
    membership = access.get_membership_for_member(request.user, org_pk)
    organization = membership.organization
    status = request.GET.get("status", "")
    listings = Listing.objects.of_organization(organization).select_related("organization", "place").order_by("-updated_at", "pk")
    if status in PublicationStatus.values:
        listings = listings.filter(status=status)
    page = Paginator(listings, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    # Confirmed people and waitlisted sign-ups per session in the same query, not one count per row.
    sessions = (
        Session.objects.filter(listing__organization=organization)
        .upcoming()
        .select_related("listing", "place")
        .annotate(
            confirmed_people=Sum("signups__party_size", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
            waitlisted=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED)),
        )[:10]
    )
    context = {
        "organization": organization,
        "membership": membership,
        "notify_choices": Membership.Notify.choices,
        "page": page,
        "listings": specific_listings(page.object_list),
        "sessions": sessions,
        "status": status,
        "status_choices": PublicationStatus.choices,
        "place_count": organization.places.count(),
    }
    return render(request, "community/organization_dashboard.html", context)


def _listing_form_class(model):
    return modelform_factory(model, form=ListingForm, fields=ListingForm.Meta.fields)


@login_required
def listing_create(request, org_pk):
    """Submit a new listing: it waits for staff approval before it is public."""
    organization = access.get_membership_for_member(request.user, org_pk).organization
    form = ListingForm(request.POST or None, request.FILES or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.listing_create(organization=organization, listing=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("「%(title)s」を申請しました。区の職員が確認してから公開されます。") % {"title": listing.title}
            )
            return redirect("community:organization_dashboard", org_pk=organization.pk)
    context = {"organization": organization, "form": form, "listing": None}
    return render(request, "community/listing_form.html", context, status=400 if form.errors else 200)


@login_required
def listing_edit(request, org_pk, pk):
    """Edit the fields every listing shares; a listing with its own richer form is sent there."""
    listing = access.get_listing_in_organization(request.user, org_pk, pk)
    own_url = reverse("community:listing_edit", args=[org_pk, pk])
    listing = listing.specific
    if listing.get_manage_url() != own_url:
        return redirect(listing.get_manage_url())
    organization = listing.organization
    form = _listing_form_class(type(listing))(
        request.POST or None, request.FILES or None, instance=listing, organization=organization
    )
    translations = translation_forms(listing, request.POST or None)
    if request.method == "POST" and form.is_valid() and all(t.is_valid() for t in translations):
        was_published = listing.is_published
        try:
            with transaction.atomic():
                services.listing_update(listing=form.save(commit=False))
                translations_save(obj=listing, texts_by_language={t.language: t.cleaned_data for t in translations})
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if was_published:
                messages.success(request, _("変更を保存しました。公開中のページにすぐ反映されます。"))
            else:
                messages.success(request, _("変更を保存しました。区の職員が確認してから公開されます。"))
            return redirect("community:organization_dashboard", org_pk=organization.pk)
    context = {
        "organization": organization, "form": form, "listing": listing,
        "translation_forms": translations, "translations_help": TRANSLATIONS_HELP,
        "translations_open": any(t.errors for t in translations),
    }
    failed = form.errors or any(t.errors for t in translations)
    return render(request, "community/listing_form.html", context, status=400 if failed else 200)


@login_required
@require_POST
def membership_notify(request, org_pk):
    """A member chooses, for themselves only, a mail each time or one a day (community/services/notices.py)."""
    membership = access.get_membership_for_member(request.user, org_pk)
    choice = request.POST.get("notify", "")
    if choice in Membership.Notify.values:
        membership_set_notify(membership=membership, notify=choice)
        messages.success(request, _("お知らせの受け取り方を「%(choice)s」にしました。") % {"choice": membership.get_notify_display()})
    else:
        messages.error(request, _("受け取り方を選んでください。"))
    return redirect("community:organization_dashboard", org_pk=org_pk)
