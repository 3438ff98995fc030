"""Activity reports: the group writes and submits; staff accept or return with a reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import Application, Report, ReportBudgetLine, ReportPhoto
from projects.services.mails import send_report_returned_mail, send_report_submitted_mail

REPORT_FIELDS = {"results", "participants", "next_steps"}


def report_for(*, application: Application) -> Report:
    """The report of a funded application, created on first visit."""
    if not application.is_funded:
        raise ValidationError(_("採択された事業だけが活動報告を提出できます。"))
    report, _created = Report.objects.get_or_create(application=application)
    return report


def _locked_editable(report: Report) -> Report:
    current = Report.objects.select_for_update().get(pk=report.pk)
    if not current.is_editable:
        raise ValidationError(_("提出済みの活動報告は変更できません。"), code="locked")
    return current


def report_update(*, report: Report, **fields) -> Report:
    if set(fields) - REPORT_FIELDS:
        raise ValueError("unknown report fields")
    with transaction.atomic():
        current = _locked_editable(report)
        for name, value in fields.items():
            setattr(current, name, value)
        current.full_clean()
        current.save(update_fields=list(fields))
        return current


def report_replace_budget(*, report: Report, lines: list[dict]) -> None:
    with transaction.atomic():
        current = _locked_editable(report)
        rows = []
        for order, line in enumerate(lines):
            row = ReportBudgetLine(report=current, sort_order=order, **line)
            row.full_clean()
            rows.append(row)
        current.budget_lines.all().delete()
        ReportBudgetLine.objects.bulk_create(rows)


def report_add_photo(*, report: Report, image, caption: str) -> ReportPhoto:
    """`image` must already have passed community.uploads.clean_image (VerifiedImageField)."""
    with transaction.atomic():
        current = _locked_editable(report)
        photo = ReportPhoto(report=current, image=image, caption=caption)
        photo.full_clean()
        photo.save()
        return photo


def report_submit(*, report: Report) -> Report:
    with transaction.atomic():
        current = _locked_editable(report)
        problems = {}
        if not current.results.strip():
            problems["results"] = _("活動の成果を入力してください。")
        if not current.budget_lines.exists():
            problems["budget"] = _("決算（実際の収入と支出）を1行以上入力してください。")
        if problems:
            raise ValidationError(problems)
        current.status = Report.Status.SUBMITTED
        current.submitted_at = timezone.now()
        current.return_reason = ""
        current.save(update_fields=["status", "submitted_at", "return_reason"])
        send_report_submitted_mail(current)
        return current


def report_accept(*, report: Report) -> Report:
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        if current.status != Report.Status.SUBMITTED:
            raise ValidationError(_("提出済みの活動報告だけを承認できます。"))
        current.status = Report.Status.ACCEPTED
        current.reviewed_at = timezone.now()
        current.save(update_fields=["status", "reviewed_at"])
        return current


def report_return(*, report: Report, reason: str) -> Report:
    if not reason.strip():
        raise ValidationError({"return_reason": _("差戻しの理由を入力してください。")})
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        if current.status != Report.Status.SUBMITTED:
            raise ValidationError(_("提出済みの活動報告だけを差し戻せます。"))
        current.status = Report.Status.RETURNED
        current.return_reason = reason.strip()
        current.reviewed_at = timezone.now()
        current.save(update_fields=["status", "return_reason", "reviewed_at"])
        send_report_returned_mail(current)
        return current
