"""One fetch-or-404 per organization-owned type: a member reaches only their own organization's records."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from community.models import Listing, Membership, Organization, Session, SignUp


def get_organization_for_member(user, pk, *, representative_only: bool = False) -> Organization:
    memberships = Membership.objects.filter(user=user, organization_id=pk) if user.is_authenticated else None
    if memberships is None:
        raise Http404
    if representative_only:
        memberships = memberships.filter(role=Membership.Role.REPRESENTATIVE)
    if not memberships.exists():
        raise Http404
    return get_object_or_404(Organization, pk=pk)


def get_listing_for_member(user, pk, model=Listing):
    """The listing (or subclass `model`) if the user is a member of its organization, else 404."""
    return get_object_or_404(model.objects.for_member(user).select_related("organization", "place"), pk=pk)


def get_session_for_member(user, pk) -> Session:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Session.objects.with_listing().filter(listing__organization__memberships__user=user), pk=pk
    )


def get_signup_for_user(user, pk) -> SignUp:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(SignUp.objects.select_related("session__listing"), pk=pk, user=user)
