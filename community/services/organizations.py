"""Organization self-service: apply to register, keep the profile, listings and places, invite and remove members.

New organizations and new listings wait for staff approval (承認待ち); edits to something already public go live
at once and simple-history keeps the previous version for 「最近の変更」. The exception is who the organization is:
a public organization's new name or 種別 waits for staff (the public keeps the approved one), and the 種別
区・社会福祉協議会・地域包括支援センター are set by staff only.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mails import absolute_url, send_templated_mail
from community.models import Invitation, Listing, Membership, Organization, Place, PublicationStatus
from community.services.moderation import publishable_submit

INVITATION_SALT = "community.invitation"
INVITATION_MAX_AGE = 14 * 24 * 60 * 60  # the link works for two weeks


IDENTITY_FIELDS = ("name", "name_kana", "kind")


def _refuse_staff_only_kind(organization: Organization, previous_kind: str = "") -> None:
    if organization.kind in Organization.STAFF_ONLY_KINDS and organization.kind != previous_kind:
        raise ValidationError({"kind": _(
            "種別「%(kind)s」は区の職員だけが設定できます。該当する場合は、区の担当窓口にご連絡ください。"
        ) % {"kind": organization.get_kind_display()}})


@transaction.atomic
def organization_apply(*, applicant, organization: Organization) -> Organization:
    """Register a new organization as 承認待ち; the applicant becomes its 代表者."""
    _refuse_staff_only_kind(organization)
    organization.status = PublicationStatus.PENDING
    organization.review_note = ""
    organization.full_clean()
    organization.save()
    Membership.objects.create(organization=organization, user=applicant, role=Membership.Role.REPRESENTATIVE)
    return organization


def _resubmit_if_returned(obj) -> None:
    # A returned (差戻し) or draft item goes back to the staff queue once it is fixed.
    if obj.status in (PublicationStatus.RETURNED, PublicationStatus.DRAFT):
        publishable_submit(obj=obj)


@transaction.atomic
def organization_update(*, organization: Organization) -> Organization:
    """Save the members' own edits; a returned application is submitted again.

    While the organization is public, a new name, reading or 種別 is kept aside as 承認待ち and the approved ones
    stay; saving the approved values again withdraws the request.
    """
    approved = Organization.objects.select_for_update().get(pk=organization.pk)
    _refuse_staff_only_kind(organization, previous_kind=approved.kind)
    if approved.is_published:
        proposed = {name: getattr(organization, name) for name in IDENTITY_FIELDS}
        for name in IDENTITY_FIELDS:
            setattr(organization, name, getattr(approved, name))
        changed = any(proposed[name] != getattr(approved, name) for name in IDENTITY_FIELDS)
        organization.pending_name = proposed["name"] if changed else ""
        organization.pending_name_kana = proposed["name_kana"] if changed else ""
        organization.pending_kind = proposed["kind"] if changed else ""
        if changed:
            organization.review_note = ""  # a new request replaces the reason the last one was refused
    organization.full_clean()
    organization.save()
    _resubmit_if_returned(organization)
    return organization


@transaction.atomic
def organization_identity_approve(*, organization: Organization) -> Organization:
    """Staff: the waiting name, reading and 種別 become the public ones."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if not organization.has_pending_identity:
        raise ValidationError(_("「%(name)s」には承認待ちの名称・種別の変更がありません。") % {"name": organization})
    organization.name = organization.pending_name or organization.name
    organization.name_kana = organization.pending_name_kana or organization.name_kana
    organization.kind = organization.pending_kind or organization.kind
    organization.pending_name = organization.pending_name_kana = organization.pending_kind = ""
    organization.review_note = ""
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def organization_identity_return(*, organization: Organization, reason: str) -> Organization:
    """Staff: refuse the waiting name or 種別 with a reason; the organization stays public as it was."""
    if not reason.strip():
        raise ValidationError({"review_note": _("差戻しの理由を入力してください。")})
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.pending_name = organization.pending_name_kana = organization.pending_kind = ""
    organization.review_note = reason.strip()
    organization.save(update_fields=["pending_name", "pending_name_kana", "pending_kind", "review_note", "updated_at"])
    context = {"organization": organization, "url": absolute_url(
        reverse("community:organization_dashboard", args=[organization.pk]))}
    recipients = [(m.user.email, m.user.preferred_language)
                  for m in organization.memberships.representatives().select_related("user")]
    transaction.on_commit(lambda: [
        send_templated_mail(template="community/mail/identity_returned", to=email, language=language, context=context)
        for email, language in recipients
    ])
    return organization


@transaction.atomic
def listing_create(*, organization: Organization, listing: Listing) -> Listing:
    """A new listing always starts 承認待ち: staff approve its first publication."""
    listing.organization = organization
    listing.status = PublicationStatus.PENDING
    listing.review_note = ""
    listing.full_clean()
    listing.save()
    return listing


@transaction.atomic
def listing_update(*, listing: Listing) -> Listing:
    listing.full_clean()
    listing.save()
    _resubmit_if_returned(listing)
    return listing


@transaction.atomic
def place_save(*, organization: Organization, place: Place) -> Place:
    """Create or update a place registered by the organization."""
    place.organization = organization
    place.full_clean()
    place.save()
    return place


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk, "email": invitation.email.lower()}, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The pending invitation a link points at, or None when it is forged, expired, used or withdrawn."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    invitation = (
        Invitation.objects.pending().select_related("organization", "invited_by").filter(pk=data.get("invitation")).first()
    )
    if invitation is None or invitation.email.lower() != data.get("email"):
        return None
    return invitation


@transaction.atomic
def invitation_create(*, organization: Organization, invited_by, email: str, role: str) -> Invitation:
    """Invite someone by e-mail; the mail (in Japanese) carries a signed link that expires."""
    email = email.strip()
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("このメールアドレスの方は、すでにこの団体のメンバーです。")})
    # A fresh invitation replaces an older pending one, so only the newest link works.
    organization.invitations.pending().filter(email__iexact=email).update(revoked_at=timezone.now())
    invitation = Invitation(organization=organization, invited_by=invited_by, email=email, role=role)
    invitation.full_clean()
    invitation.save()
    accept_url = absolute_url(reverse("community:invitation_accept", args=[invitation_token(invitation)]))
    send_templated_mail(
        template="community/mail/invitation",
        to=email,
        language="ja",
        context={
            "invitation": invitation,
            "organization": organization,
            "inviter": invited_by,
            "accept_url": accept_url,
            "days": INVITATION_MAX_AGE // 86400,
        },
        key=f"invitation:{invitation.pk}",
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Join the organization with the invited role; only the invited e-mail address may accept."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(_("この招待はすでに使われたか、取り消されています。"))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("この招待は %(email)s あてです。招待されたメールアドレスでログインしてください。") % {"email": invitation.email}
        )
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def _tell_member(membership: Membership, *, event: str, by=None) -> None:
    """Queue a mail telling the member (in their language) that their role changed or that they were removed.

    Nothing is sent when the members acted on themselves: they already know.
    """
    user = membership.user
    if by is not None and by.pk == user.pk:
        return
    context = {
        "membership": membership,
        "organization": membership.organization,
        "by": by,
        "url": absolute_url(reverse("community:my_organizations")),
    }
    send_templated_mail(
        template=f"community/mail/membership_{event}", to=user.email, language=user.preferred_language, context=context
    )


@transaction.atomic
def membership_remove(*, membership: Membership, by=None) -> None:
    """Remove a member; the last 代表者 stays, so the organization is never left without one."""
    # Lock the organization's representatives so two removals cannot both pass the check.
    representatives = list(
        Membership.objects.select_for_update().representatives().filter(organization_id=membership.organization_id)
    )
    if membership.is_representative and len(representatives) <= 1:
        raise ValidationError(_("最後の代表者は削除できません。先に別の方を代表者にしてください。"))
    _tell_member(membership, event="removed", by=by)
    membership.delete()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by=None) -> Membership:
    """Make a member 代表者 or 編集者; the last 代表者 cannot step down."""
    representatives = list(
        Membership.objects.select_for_update().representatives().filter(organization_id=membership.organization_id)
    )
    if membership.is_representative and role != Membership.Role.REPRESENTATIVE and len(representatives) <= 1:
        raise ValidationError(_("最後の代表者は編集者に変更できません。先に別の方を代表者にしてください。"))
    changed = membership.role != role
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    if changed:
        _tell_member(membership, event="role_changed", by=by)
    return membership
