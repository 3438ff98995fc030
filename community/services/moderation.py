"""Staff moderation: a new organization or listing goes public only after approval.

Works on anything Publishable (Organization, Listing and its subclasses); history records who did what.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import PublicationStatus


def publishable_submit(*, obj) -> None:
    """下書き/差戻し → 承認待ち. Already-public items stay public (later edits go live at once)."""
    if obj.status in (PublicationStatus.DRAFT, PublicationStatus.RETURNED):
        obj.status = PublicationStatus.PENDING
        obj.save(update_fields=["status", "updated_at"])


@transaction.atomic
def publishable_approve(*, obj) -> None:
    obj.status = PublicationStatus.PUBLISHED
    obj.review_note = ""
    obj.published_at = obj.published_at or timezone.now()
    obj.save(update_fields=["status", "review_note", "published_at", "updated_at"])


@transaction.atomic
def publishable_return(*, obj, reason: str) -> None:
    """差戻し: the organization sees the reason in マイ団体 and may fix and resubmit."""
    if not reason.strip():
        raise ValidationError({"review_note": _("差戻しの理由を入力してください。")})
    obj.status = PublicationStatus.RETURNED
    obj.review_note = reason.strip()
    obj.save(update_fields=["status", "review_note", "updated_at"])


@transaction.atomic
def publishable_unpublish(*, obj) -> None:
    obj.status = PublicationStatus.ENDED
    obj.save(update_fields=["status", "updated_at"])
