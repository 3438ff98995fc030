"""Writes for volunteer openings: posting, applying, the organization's decision, invitations.

Every state change mails both sides after the transaction commits; contact details travel only in the
mails and pages that follow an acceptance.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mails import absolute_url, send_templated_mail
from community.models import PublicationStatus
from community.notify import receipt_send
from community.services.member_mail import members_mail
from community.services.moderation import publishable_submit
from volunteers import recipients
from volunteers.models import Opening, OpeningApplication, VolunteerInvitation, VolunteerProfile

AppStatus = OpeningApplication.Status


def _mail_user(user, template: str, context: dict) -> None:
    send_templated_mail(
        template=f"volunteers/mail/{template}", to=user.email, language=user.preferred_language, context=context
    )


def _mail_organization(organization, template: str, context: dict, *, key: str = "") -> None:
    """Every member of the organization, each in their own language; none → the area's coordinators.

    Until the organization accepts an applicant, the mails name them 「応募者 #12」 only (applicant_name).
    """
    application = context.get("application")
    if application is not None:
        context = {**context, "applicant_name": application.display_name}
    members_mail(
        organization_id=organization.pk,
        template=f"volunteers/mail/{template}",
        context=context,
        key=key or f"{template}:{uuid.uuid4().hex}",
        fallback=[lambda: recipients.coordinator_team_recipients(organization.area_id)],
    )


def _org_applications_url(organization_id: int) -> str:
    return absolute_url(reverse("volunteers:org_applications", args=[organization_id]))


@transaction.atomic
def opening_save(*, opening: Opening, submit: bool) -> Opening:
    """Create or update an organization's opening; new ones wait for staff approval once submitted."""
    if opening.pk is None:
        opening.status = PublicationStatus.DRAFT
    opening.full_clean()
    opening.save()
    if submit:
        publishable_submit(obj=opening)
    return opening


def opening_apply(*, opening: Opening, user, message: str) -> OpeningApplication:
    if not opening.is_accepting:
        raise ValidationError(_("この募集は締め切られています。"))
    if opening.organization.memberships.filter(user=user).exists():
        raise ValidationError(_("自分の団体の募集には応募できません。"))
    earlier = OpeningApplication.objects.filter(opening=opening, user=user).first()
    if earlier is not None and earlier.status != AppStatus.WITHDRAWN:
        raise ValidationError(_("この募集にはすでに応募しています。"))
    # A withdrawn application may be sent again: the one row per person starts over.
    application = earlier or OpeningApplication(opening=opening, user=user)
    application.message = message.strip()
    application.status = AppStatus.APPLIED
    application.organization_message = application.reply = ""
    application.created_at = timezone.now()
    application.decided_at = None
    application.full_clean(validate_unique=earlier is None)
    try:
        with transaction.atomic():
            if earlier is not None:
                # Only a still-withdrawn row is reopened, so two clicks cannot both send.
                reopened = OpeningApplication.objects.filter(pk=earlier.pk, status=AppStatus.WITHDRAWN).update(
                    status=AppStatus.APPLIED, message=application.message, organization_message="", reply="",
                    created_at=application.created_at, decided_at=None,
                )
                if not reopened:
                    raise IntegrityError("already reopened")
            else:
                application.save()
            context = {
                "application": application, "opening": opening, "applicant": user,
                "manage_url": _org_applications_url(opening.organization_id),
                "my_url": absolute_url(reverse("volunteers:my_volunteering")),
            }
            event = f"opening-application:{application.pk}:applied:{application.created_at:%Y%m%d%H%M%S%f}"
            receipt_send(
                to=user.email,
                language=user.preferred_language or "ja",
                receipt=recipients.opening_application_receipt(application),
                template="volunteers/mail/opening_applied",
                context=context,
                key=event,
            )
            _mail_organization(opening.organization, "opening_application_received", context, key=event)
    except IntegrityError:
        raise ValidationError(_("この募集にはすでに応募しています。")) from None
    return application


class Decision:
    ACCEPT = "accept"
    DECLINE = "decline"
    ASK = "ask"
    CHOICES = (ACCEPT, DECLINE, ASK)


def opening_application_decide(*, application: OpeningApplication, decision: str, message: str) -> OpeningApplication:
    """The organization accepts, declines or asks back; both sides are mailed."""
    if decision not in Decision.CHOICES:
        raise ValueError(decision)
    if decision == Decision.ASK and not message.strip():
        raise ValidationError({"message": _("質問の内容を入力してください。")})
    with transaction.atomic():
        current = OpeningApplication.objects.select_for_update().with_opening().get(pk=application.pk)
        if not current.is_open:
            raise ValidationError(_("この応募はすでに結果が出ています。"))
        current.organization_message = message.strip()
        if decision == Decision.ASK:
            current.status = AppStatus.ASKED
        else:
            current.status = AppStatus.ACCEPTED if decision == Decision.ACCEPT else AppStatus.DECLINED
            current.decided_at = timezone.now()
        current.save(update_fields=["status", "organization_message", "decided_at"])
        context = {
            "application": current, "opening": current.opening, "applicant": current.user,
            "manage_url": _org_applications_url(current.opening.organization_id),
            "my_url": absolute_url(reverse("volunteers:my_volunteering")),
        }
        _mail_user(current.user, f"opening_{decision}", context)
        _mail_organization(current.opening.organization, "opening_decision_copy", context)
        return current


def opening_application_withdraw(*, application: OpeningApplication, user) -> OpeningApplication:
    """The applicant takes back an application the organization has not accepted yet; the organization is told."""
    with transaction.atomic():
        current = (
            OpeningApplication.objects.select_for_update(of=("self",)).with_opening().get(pk=application.pk, user=user)
        )
        if not current.is_open:
            raise ValidationError(
                _("結果が出た応募は取り下げできません。受け入れが決まった後は、団体に直接ご連絡ください。")
            )
        current.status = AppStatus.WITHDRAWN
        current.save(update_fields=["status"])
        context = {
            "application": current, "opening": current.opening, "applicant": user,
            "manage_url": _org_applications_url(current.opening.organization_id),
        }
        _mail_organization(current.opening.organization, "opening_withdrawn", context)
        return current


def opening_application_reply(*, application: OpeningApplication, user, reply: str) -> OpeningApplication:
    """The applicant answers the organization's question; the application is open again."""
    if not reply.strip():
        raise ValidationError({"reply": _("返信の内容を入力してください。")})
    with transaction.atomic():
        current = OpeningApplication.objects.select_for_update().with_opening().get(pk=application.pk, user=user)
        if current.status != AppStatus.ASKED:
            raise ValidationError(_("団体からの質問に返信できる状態ではありません。"))
        current.reply = reply.strip()
        current.status = AppStatus.APPLIED
        current.save(update_fields=["reply", "status"])
        context = {
            "application": current, "opening": current.opening, "applicant": user,
            "manage_url": _org_applications_url(current.opening.organization_id),
        }
        _mail_organization(current.opening.organization, "opening_reply_received", context)
        return current


def invitation_send(*, organization, profile: VolunteerProfile, message: str, sent_by, opening=None):
    """Invite an opted-in resident; they see who asked and decide whether to share their contact details."""
    if profile.visibility == VolunteerProfile.Visibility.PRIVATE:
        raise ValidationError(_("この方は招待を受け付けていません。"))
    if not message.strip():
        raise ValidationError({"message": _("招待のメッセージを入力してください。")})
    if opening is not None and opening.organization_id != organization.pk:
        raise ValidationError({"opening": _("自分の団体の募集を選んでください。")})
    if VolunteerInvitation.objects.pending().filter(organization=organization, profile=profile).exists():
        raise ValidationError(_("この方にはすでに招待を送っています。返事をお待ちください。"))
    invitation = VolunteerInvitation(
        organization=organization, profile=profile, opening=opening, message=message.strip(), sent_by=sent_by
    )
    invitation.full_clean()
    try:
        with transaction.atomic():
            invitation.save()
            context = {"invitation": invitation, "organization": organization,
                       "my_url": absolute_url(reverse("volunteers:my_volunteering"))}
            _mail_user(profile.user, "opening_invitation", context)
    except IntegrityError:
        raise ValidationError(_("この方にはすでに招待を送っています。返事をお待ちください。")) from None
    return invitation


def invitation_respond(*, invitation: VolunteerInvitation, user, accept: bool) -> VolunteerInvitation:
    with transaction.atomic():
        current = (
            VolunteerInvitation.objects.select_for_update()
            .select_related("organization", "profile__user")
            .get(pk=invitation.pk, profile__user=user)
        )
        if current.status != VolunteerInvitation.Status.SENT:
            raise ValidationError(_("この招待にはすでに返事をしています。"))
        current.status = VolunteerInvitation.Status.ACCEPTED if accept else VolunteerInvitation.Status.DECLINED
        current.responded_at = timezone.now()
        current.save(update_fields=["status", "responded_at"])
        context = {
            "invitation": current, "organization": current.organization, "person": current.profile.user,
            "roster_url": absolute_url(reverse("volunteers:org_roster", args=[current.organization_id])),
        }
        _mail_organization(current.organization, "opening_invitation_answered", context)
        return current
