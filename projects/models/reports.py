"""活動報告: after the year, results, photos and the actual budget; staff accept or return it."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.models import Membership
from community.private_files import GeneratedName, PrivateFileField
from projects.models.applications import BaseBudgetLine


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("作成中")
        SUBMITTED = "submitted", _("提出済み・確認中")
        ACCEPTED = "accepted", _("承認")
        RETURNED = "returned", _("差戻し")

    application = models.OneToOneField(
        "projects.Application", verbose_name=_("申請"), on_delete=models.CASCADE, related_name="report"
    )
    results = models.TextField(_("活動の成果"), blank=True)
    participants = models.PositiveIntegerField(_("延べ参加者数（人）"), null=True, blank=True)
    next_steps = models.TextField(_("今後の展開"), blank=True)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    return_reason = models.TextField(_("差戻しの理由"), blank=True)
    submitted_at = models.DateTimeField(_("提出日時"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("確認日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("活動報告")
        verbose_name_plural = _("活動報告")
        ordering = ["-application__call__fiscal_year", "pk"]

    def __str__(self) -> str:
        return _("%(title)s の活動報告") % {"title": self.application}

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class ReportBudgetLine(BaseBudgetLine):
    report = models.ForeignKey(Report, verbose_name=_("活動報告"), on_delete=models.CASCADE, related_name="budget_lines")

    class Meta:
        verbose_name = _("決算の行")
        verbose_name_plural = _("決算（収支決算書）")
        ordering = ["kind", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="report_budget_line_amount_not_negative")
        ]


class ReportPhoto(models.Model):
    report = models.ForeignKey(Report, verbose_name=_("活動報告"), on_delete=models.CASCADE, related_name="photos")
    # Private until staff pick photos for the public showcase (which keeps its own copy).
    image = PrivateFileField(_("写真"), upload_to=GeneratedName("projects/reports"))
    caption = models.CharField(_("写真の説明"), max_length=120, help_text=_("目の見えない方にも伝わるよう、写っている様子を書いてください。"))

    class Meta:
        verbose_name = _("活動写真")
        verbose_name_plural = _("活動写真")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption

    def may_download(self, user) -> bool:
        return user.has_perm("projects.view_report") or Membership.objects.filter(
            user=user, organization__grant_applications__report__pk=self.report_id
        ).exists()
