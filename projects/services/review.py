"""Staff review: scoring sheets (one per reviewer) and the decision, which needs `decide_application`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mails import absolute_url
from community.notify import people_notify, recipients_choose
from projects import recipients
from projects.models import Application, Score
from projects.models.review import CRITERIA

SCORE_PERMISSION = "projects.add_score"
DECIDE_PERMISSION = "projects.decide_application"


def score_save(*, application: Application, reviewer, comment: str = "", **points: int) -> Score:
    """Create or update this reviewer's sheet for a submitted application."""
    if not reviewer.has_perm(SCORE_PERMISSION):
        raise PermissionDenied(_("採点する権限がありません。"))
    if application.status == Application.Status.DRAFT:
        raise ValidationError(_("下書きの申請は採点できません。"))
    if set(points) != set(CRITERIA):
        raise ValueError(f"expected points for {CRITERIA}")
    with transaction.atomic():
        score = Score.objects.select_for_update().filter(application=application, reviewer=reviewer).first()
        score = score or Score(application=application, reviewer=reviewer)
        for name, value in points.items():
            setattr(score, name, value)
        score.comment = comment
        score.total = score.compute_total()
        score.full_clean()
        score.save()
        return score


def application_decide(
    *, application: Application, decided_by, decision: str, reason: str, granted_amount: int | None = None
) -> Application:
    """採択 / 条件付き採択 / 不採択 with a reason and (when funded) the amount; the group gets a mail."""
    if not decided_by.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied(_("採否を決定する権限がありません。"))
    if decision not in Application.DECISIONS:
        raise ValidationError({"decision": _("採択・条件付き採択・不採択のいずれかを選んでください。")})
    errors = {}
    if not reason.strip():
        errors["reason"] = _("決定の理由（条件付き採択の場合は条件）を入力してください。")
    with transaction.atomic():
        current = Application.objects.select_for_update(of=("self",)).select_related("stage", "organization").get(
            pk=application.pk
        )
        if current.status == Application.Status.DRAFT:
            raise ValidationError(_("提出されていない申請は決定できません。"))
        if decision in Application.FUNDED_STATUSES:
            if granted_amount is None:
                errors["granted_amount"] = _("助成決定額を入力してください。")
            elif granted_amount < 0:
                errors["granted_amount"] = _("助成決定額は0円以上で入力してください。")
            elif current.requested_amount is not None and granted_amount > current.requested_amount:
                errors["granted_amount"] = _("助成決定額が申請額%(yen)s円を超えています。") % {
                    "yen": f"{current.requested_amount:,}"
                }
            elif current.stage and granted_amount > current.stage.ceiling_yen:
                errors["granted_amount"] = _("助成決定額が段階の上限額を超えています。")
        else:
            granted_amount = None
        if errors:
            raise ValidationError(errors)
        current.status = decision
        current.decision_reason = reason.strip()
        current.granted_amount = granted_amount
        current.decided_by = decided_by
        current.decided_at = timezone.now()
        current.full_clean(exclude=["call", "organization"], validate_unique=False)
        current.save(update_fields=[
            "status", "decision_reason", "granted_amount", "decided_by", "decided_at", "updated_at"
        ])
        # How many of the group's addresses were told (0: only 当番の区職員 were, and must phone the group).
        current.decision_recipient_count = len({r.email.lower() for r in recipients.decision_recipients(current)})
        send_decision_mail(current)
        return current


def send_decision_mail(application: Application) -> list:
    """The decision to every 代表者, the submitter and the group's address (else 当番の区職員); returns the mails."""
    return people_notify(
        recipients_choose(lambda: recipients.decision_recipients(application)),
        template="projects/mail/decision",
        context={
            "application": application,
            "organization": application.organization,
            "url": absolute_url(reverse("projects:application_detail", args=[application.organization_id, application.pk])),
            "contact": recipients.group_contact(application),
        },
        key=f"grant-application:{application.pk}:decision:{application.decided_at:%Y%m%d%H%M%S%f}",
    )
