"""Writes on applications: drafts saved at every step, budget rules, submission and the lock after it.

Every write re-reads the application with a row lock and refuses when it is no longer a draft, so a
submitted application cannot change whatever page or admin action calls in.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import Application, ApplicationMember, Attachment, BudgetLine, Call
from projects.services.mails import send_application_submitted_mail
from projects.services.stages import stage_rule_for

DRAFT_FIELDS = {"title", "category", "stage", "purpose", "plan", "schedule", "requested_amount"}


def _locked_draft(application: Application) -> Application:
    current = Application.objects.select_for_update(of=("self",)).select_related("call", "stage").get(pk=application.pk)
    if current.is_locked:
        raise ValidationError(_("提出済みの申請は変更できません。"), code="locked")
    return current


def application_start(*, call: Call, organization, user) -> Application:
    """Open (or reopen) the organization's draft for this call."""
    existing = Application.objects.filter(call=call, organization=organization).first()
    if existing:
        return existing
    if not call.is_accepting():
        raise ValidationError(_("この募集は現在、申請を受け付けていません。"), code="closed")
    rule = stage_rule_for(organization=organization, call=call)
    if rule.refused:
        raise ValidationError(rule.reason, code="stage")
    with transaction.atomic():
        application = Application(
            call=call,
            organization=organization,
            created_by=user,
            stage=rule.stages[0] if len(rule.stages) == 1 else None,
        )
        application.full_clean()
        application.save()
        return application


def budget_errors(*, stage, requested_amount, expense_total: int) -> dict[str, str]:
    """The grant rules: at most the stage's ceiling and at most the total expenses."""
    errors = {}
    if requested_amount is None:
        return errors
    if requested_amount < 0:
        errors["requested_amount"] = _("助成申請額は0円以上で入力してください。")
    elif stage is not None and requested_amount > stage.ceiling_yen:
        errors["requested_amount"] = _("助成申請額が「%(stage)s」の上限額%(yen)s円を超えています。") % {
            "stage": stage.name, "yen": f"{stage.ceiling_yen:,}"
        }
    elif requested_amount > expense_total:
        errors["requested_amount"] = _("助成申請額が支出の合計%(yen)s円を超えています。") % {
            "yen": f"{expense_total:,}"
        }
    return errors


def application_update(*, application: Application, **fields) -> Application:
    """Save some fields of a draft (only what the step sent; blanks are allowed until submission)."""
    unknown = set(fields) - DRAFT_FIELDS
    if unknown:
        raise ValueError(f"not draft fields: {sorted(unknown)}")
    with transaction.atomic():
        current = _locked_draft(application)
        for name, value in fields.items():
            setattr(current, name, value)
        if "stage" in fields and current.stage is not None:
            rule = stage_rule_for(organization=current.organization, call=current.call)
            if current.stage not in rule.stages:
                raise ValidationError({"stage": rule.reason})
        current.full_clean(exclude=["call", "organization"], validate_unique=False)
        current.save(update_fields=[*fields, "updated_at"])
        return current


def application_replace_budget(*, application: Application, lines: list[dict]) -> list[BudgetLine]:
    """Replace the planned budget with these lines (kind, item, amount, note)."""
    with transaction.atomic():
        current = _locked_draft(application)
        new_lines = []
        for order, line in enumerate(lines):
            budget_line = BudgetLine(application=current, sort_order=order, **line)
            budget_line.full_clean()
            new_lines.append(budget_line)
        current.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(new_lines)
        current.save(update_fields=["updated_at"])
        return new_lines


def application_add_attachment(*, application: Application, title: str, file) -> Attachment:
    """`file` must already have passed community.uploads.clean_document (VerifiedDocumentField)."""
    with transaction.atomic():
        current = _locked_draft(application)
        attachment = Attachment(application=current, title=title, file=file)
        attachment.full_clean()
        attachment.save()
        return attachment


def application_remove_attachment(*, attachment: Attachment) -> None:
    with transaction.atomic():
        _locked_draft(attachment.application)
        attachment.file.delete(save=False)
        attachment.delete()


def application_replace_members(*, application: Application, members: list[dict]) -> None:
    with transaction.atomic():
        current = _locked_draft(application)
        new_members = []
        for order, member in enumerate(members):
            row = ApplicationMember(application=current, sort_order=order, **member)
            row.full_clean()
            new_members.append(row)
        current.members.all().delete()
        ApplicationMember.objects.bulk_create(new_members)


def submission_problems(application: Application) -> dict[str, str]:
    """What still keeps a draft from being submitted, keyed by field, in words the group understands."""
    problems = {}
    required = {
        "title": _("事業名を入力してください。"),
        "category": _("事業区分を選んでください。"),
        "stage": _("段階を選んでください。"),
        "purpose": _("事業の目的を入力してください。"),
        "plan": _("事業の内容を入力してください。"),
        "schedule": _("実施スケジュールを入力してください。"),
        "requested_amount": _("助成申請額を入力してください。"),
    }
    for name, message in required.items():
        if getattr(application, name) in (None, ""):
            problems[name] = message
    expense = application.totals()["expense"]
    if expense == 0:
        problems["budget"] = _("支出の予算を1行以上入力してください。")
    if not application.members.exists():
        problems["members"] = _("事業の担い手を1人以上入力してください。")
    problems.update(budget_errors(
        stage=application.stage, requested_amount=application.requested_amount, expense_total=expense
    ))
    if application.stage is not None:
        rule = stage_rule_for(organization=application.organization, call=application.call)
        if application.stage not in rule.stages:
            problems["stage"] = rule.reason
    return problems


def application_submit(*, application: Application, user) -> Application:
    """Submit a complete draft; from here on it is locked."""
    with transaction.atomic():
        current = _locked_draft(application)
        if not current.call.is_accepting():
            raise ValidationError(_("受付期間外のため提出できません。"), code="closed")
        problems = submission_problems(current)
        if problems:
            raise ValidationError(problems)
        current.status = Application.Status.SUBMITTED
        current.submitted_by = user
        current.submitted_at = timezone.now()
        current.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
        send_application_submitted_mail(current)
        return current
