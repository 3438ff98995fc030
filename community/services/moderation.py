"""Staff moderation: a new organization or listing goes public only after approval.

Works on anything Publishable (Organization, Listing and its subclasses); history records who did what.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.contacts import NO_CONTACT_ERROR
from community.models import Listing, Organization, PublicationStatus


def _tell_representatives(*, obj, event: str) -> None:
    """Mail the organization's 代表者 that staff approved or returned their item (queued with the change)."""
    from community.mails import absolute_url
    from community.services.member_mail import member_recipients, members_mail

    organization = obj if isinstance(obj, Organization) else obj.organization
    manage_url = absolute_url(
        reverse("community:organization_dashboard", args=[organization.pk])
        if obj is organization
        else obj.get_manage_url()
    )
    context = {"obj": obj, "organization": organization, "is_organization": obj is organization, "manage_url": manage_url}
    # 代表者 first, else any member; staff did this themselves, so the duty inbox is not told.
    members_mail(
        organization_id=organization.pk,
        template=f"community/mail/moderation_{event}",
        context=context,
        key=f"moderation:{obj._meta.label_lower}:{obj.pk}:{event}:{timezone.now().timestamp()}",
        representatives_only=True,
        fallback=[lambda: member_recipients(organization.pk)],
        duty_last=False,
    )


def publishable_submit(*, obj) -> None:
    """下書き/差戻し → 承認待ち. Already-public items stay public (later edits go live at once)."""
    if obj.status in (PublicationStatus.DRAFT, PublicationStatus.RETURNED):
        obj.status = PublicationStatus.PENDING
        obj.save(update_fields=["status", "updated_at"])


@transaction.atomic
def publishable_approve(*, obj) -> None:
    """承認待ち → 公開. A listing goes public only once its organization has been approved."""
    organization = getattr(obj, "organization", None)
    if organization is not None and organization.status != PublicationStatus.PUBLISHED:
        raise ValidationError(
            _("「%(org)s」がまだ公開されていません。先に団体を承認してください。") % {"org": organization}
        )
    if isinstance(obj, Listing) and obj.contact is None:
        # Every public listing names someone to phone (its own number, its organization's or the area's desk).
        raise ValidationError(NO_CONTACT_ERROR)
    obj.status = PublicationStatus.PUBLISHED
    obj.review_note = ""
    first_time = obj.published_at is None
    obj.published_at = obj.published_at or timezone.now()
    obj.save(update_fields=["status", "review_note", "published_at", "updated_at"])
    if first_time:
        _tell_representatives(obj=obj, event="approved")


@transaction.atomic
def publishable_return(*, obj, reason: str) -> None:
    """差戻し: the organization sees the reason in マイ団体 and may fix and resubmit."""
    if not reason.strip():
        raise ValidationError({"review_note": _("差戻しの理由を入力してください。")})
    obj.status = PublicationStatus.RETURNED
    obj.review_note = reason.strip()
    obj.save(update_fields=["status", "review_note", "updated_at"])
    _tell_representatives(obj=obj, event="returned")


@transaction.atomic
def publishable_unpublish(*, obj) -> None:
    obj.status = PublicationStatus.ENDED
    obj.save(update_fields=["status", "updated_at"])


PUBLICATION_FIELDS = ("status", "review_note", "published_at")


@transaction.atomic
def change_revert(*, record) -> None:
    """Put an object back to the version before `record` (a history row); its publication state stays as it is now.

    The revert is itself saved with history, so it shows in 「最近の変更」 and can be undone the same way.
    """
    previous = record.prev_record
    if previous is None or record.history_type != "~":
        raise ValidationError(_("この変更の前の版がないため、元に戻せません。"))
    model = record.instance_type
    current = model.objects.select_for_update().filter(pk=record.id).first()
    if current is None:
        raise ValidationError(_("対象はすでに削除されています。"))
    restored = previous.instance
    for name in PUBLICATION_FIELDS:
        if hasattr(current, name):
            setattr(restored, name, getattr(current, name))
    restored._change_reason = _("「最近の変更」から、%(date)sの変更の前の版に戻しました") % {
        "date": timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    }
    restored.save()
