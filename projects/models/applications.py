"""申請: a group's application to one call, its budget lines, attachments and members."""

from django.conf import settings
from django.db import models
from django.db.models import Avg, Count, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from community.models import Membership
from community.private_files import GeneratedName, PrivateFileField


class ApplicationQuerySet(models.QuerySet):
    def for_organization(self, organization):
        return self.filter(organization=organization)

    def with_overview(self):
        """What list pages show: call, stage, category, organization and the report's state."""
        return self.select_related("call", "stage", "category", "organization", "report")

    def with_average_score(self):
        return self.annotate(average_score=Avg("scores__total"), score_count=Count("scores", distinct=True))

    def with_budget(self):
        return self.prefetch_related(
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("kind", "sort_order", "pk"))
        )

    def with_budget_totals(self):
        """income_total / expense_total as subqueries, so they never multiply other joins."""
        def total(kind):
            lines = (
                BudgetLine.objects.filter(application=OuterRef("pk"), kind=kind)
                .values("application").annotate(s=Sum("amount")).values("s")
            )
            return Coalesce(Subquery(lines), 0)

        return self.annotate(income_total=total(BudgetLine.Kind.INCOME), expense_total=total(BudgetLine.Kind.EXPENSE))

    def funded(self):
        return self.filter(status__in=Application.FUNDED_STATUSES)

    def submitted(self):
        return self.exclude(status=Application.Status.DRAFT)


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        SUBMITTED = "submitted", _("提出済み・審査中")
        ADOPTED = "adopted", _("採択")
        CONDITIONAL = "conditional", _("条件付き採択")
        REJECTED = "rejected", _("不採択")

    FUNDED_STATUSES = (Status.ADOPTED, Status.CONDITIONAL)
    DECISIONS = (Status.ADOPTED, Status.CONDITIONAL, Status.REJECTED)

    call = models.ForeignKey(
        "projects.Call", verbose_name=_("募集"), on_delete=models.PROTECT, related_name="applications"
    )
    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("申請団体"), on_delete=models.PROTECT, related_name="grant_applications"
    )
    title = models.CharField(_("事業名"), max_length=120, blank=True)
    category = models.ForeignKey(
        "projects.Category", verbose_name=_("事業区分"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="applications",
    )
    stage = models.ForeignKey(
        "projects.Stage", verbose_name=_("段階"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="applications",
    )
    purpose = models.TextField(_("事業の目的（地域の課題）"), blank=True)
    plan = models.TextField(_("事業の内容"), blank=True)
    schedule = models.TextField(_("実施スケジュール"), blank=True)
    requested_amount = models.PositiveIntegerField(_("助成申請額（円）"), null=True, blank=True)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("作成者"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提出者"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("提出日時"), null=True, blank=True)
    decision_reason = models.TextField(_("審査結果の理由・条件"), blank=True)
    granted_amount = models.PositiveIntegerField(_("助成決定額（円）"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("決定した職員"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("決定日時"), null=True, blank=True)
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("申請")
        verbose_name_plural = _("申請")
        ordering = ["-call__fiscal_year", "-updated_at"]
        permissions = [("decide_application", _("採否を決定できる"))]
        constraints = [
            models.UniqueConstraint(fields=["call", "organization"], name="application_one_per_call_and_org"),
            models.CheckConstraint(
                condition=Q(granted_amount__isnull=True) | Q(status__in=["adopted", "conditional"]),
                name="application_granted_only_when_funded",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"], name="application_call_status_idx")]

    def __str__(self) -> str:
        return self.title or str(_("（事業名未入力）"))

    @property
    def reference(self) -> str:
        """受付番号 given to the group (G for 助成の申請)."""
        return f"G-{self.pk:06d}"

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_decided(self) -> bool:
        return self.status in self.DECISIONS

    @property
    def is_funded(self) -> bool:
        return self.status in self.FUNDED_STATUSES

    def totals(self) -> dict:
        """Income and expense totals; uses prefetched lines when present."""
        return budget_totals(self.budget_lines.all())


class BaseBudgetLine(models.Model):
    class Kind(models.TextChoices):
        INCOME = "income", _("収入")
        EXPENSE = "expense", _("支出")

    kind = models.CharField(_("収入・支出"), max_length=8, choices=Kind.choices)
    item = models.CharField(_("項目"), max_length=80)
    amount = models.PositiveIntegerField(_("金額（円）"))
    note = models.CharField(_("内訳・備考"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.item} {self.amount:,}円"


class BudgetLine(BaseBudgetLine):
    application = models.ForeignKey(
        Application, verbose_name=_("申請"), on_delete=models.CASCADE, related_name="budget_lines"
    )

    class Meta:
        verbose_name = _("予算の行")
        verbose_name_plural = _("予算（収支予算書）")
        ordering = ["kind", "sort_order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_amount_not_negative")]


def budget_totals(lines) -> dict:
    """Income and expense totals of budget lines: model rows (application or report) or form rows (dicts).

    The one way to total a budget in Python; lists of many applications use the SQL twin,
    ApplicationQuerySet.with_budget_totals().
    """
    totals = {BaseBudgetLine.Kind.INCOME.value: 0, BaseBudgetLine.Kind.EXPENSE.value: 0}
    for line in lines:
        kind, amount = (line["kind"], line["amount"]) if isinstance(line, dict) else (line.kind, line.amount)
        totals[kind] += amount or 0
    return {"income": totals[BaseBudgetLine.Kind.INCOME], "expense": totals[BaseBudgetLine.Kind.EXPENSE]}


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("申請"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("資料の名前"), max_length=100)
    file = PrivateFileField(_("ファイル"), upload_to=GeneratedName("projects/attachments"))
    uploaded_at = models.DateTimeField(_("添付日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("添付資料")
        verbose_name_plural = _("添付資料")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def may_download(self, user) -> bool:
        """The applying organization's members and staff who may read applications."""
        return user.has_perm("projects.view_application") or Membership.objects.filter(
            user=user, organization_id=self.application.organization_id
        ).exists()


class ApplicationMember(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("申請"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("氏名"), max_length=60)
    role = models.CharField(_("役割"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("事業の担い手")
        verbose_name_plural = _("事業の担い手")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.role}）"
