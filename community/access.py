"""One fetch-or-404 per organization-owned type: a member reaches only their own organization's records."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from community.models import Invitation, Listing, Membership, Organization, Place, Session, SignUp


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


def get_session_for_member(user, pk, *, organization_id=None) -> Session:
    """The session if the user is a member of its listing's organization (and of `organization_id`), else 404."""
    if not user.is_authenticated:
        raise Http404
    sessions = Session.objects.with_listing().filter(listing__organization__memberships__user=user)
    if organization_id is not None:
        sessions = sessions.filter(listing__organization_id=organization_id)
    return get_object_or_404(sessions, pk=pk)


def get_listing_in_organization(user, organization_id, pk, model=Listing):
    """A listing of `organization_id` that the user may manage, else 404."""
    listing = get_listing_for_member(user, pk, model=model)
    if listing.organization_id != int(organization_id):
        raise Http404
    return listing


def get_signup_for_user(user, pk) -> SignUp:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(SignUp.objects.select_related("session__listing"), pk=pk, user=user)


def get_membership_for_member(user, organization_id) -> Membership:
    """The user's own membership of `organization_id` (with the organization), else 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Membership.objects.select_related("organization__area"), user=user, organization_id=organization_id
    )


def get_member_of_organization(user, organization_id, pk) -> Membership:
    """Another membership of an organization the user belongs to (for 代表者 managing members), else 404."""
    get_membership_for_member(user, organization_id)
    return get_object_or_404(Membership.objects.select_related("user"), organization_id=organization_id, pk=pk)


def get_invitation_for_member(user, organization_id, pk) -> Invitation:
    get_membership_for_member(user, organization_id)
    return get_object_or_404(Invitation, organization_id=organization_id, pk=pk)


def get_place_for_member(user, organization_id, pk) -> Place:
    """A place registered by `organization_id`, if the user is a member of it, else 404."""
    get_membership_for_member(user, organization_id)
    return get_object_or_404(Place.objects.with_area(), organization_id=organization_id, pk=pk)
