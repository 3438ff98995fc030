"""募集 (one call per fiscal year) with the categories and stages staff set for that year."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 令和元年 is 2019, so 令和N年度 = fiscal year 2018 + N.
REIWA_OFFSET = 2018


def reiwa_label(fiscal_year: int) -> str:
    return _("令和%(n)s年度") % {"n": fiscal_year - REIWA_OFFSET}


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Call.Status.PREPARING)

    def with_details(self):
        return self.prefetch_related("categories", "stages")

    def current(self, today: dt.date | None = None):
        """The call whose window contains today, else the newest public one."""
        today = today or timezone.localdate()
        public = self.public().order_by("-fiscal_year")
        return public.filter(opens_on__lte=today, closes_on__gte=today).first() or public.first()


class Call(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("準備中（非公開）")
        OPEN = "open", _("募集中")
        CLOSED = "closed", _("募集締切・審査中")
        DECIDED = "decided", _("審査結果通知済み")

    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦）"), unique=True, help_text=_("例: 令和8年度なら2026"))
    title = models.CharField(_("募集の名前"), max_length=120)
    description = models.TextField(_("募集の案内"), blank=True)
    opens_on = models.DateField(_("受付開始日"))
    closes_on = models.DateField(_("受付締切日"))
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.PREPARING)
    project_period = models.CharField(
        _("事業の実施期間"), max_length=100, blank=True, help_text=_("例: 2026年6月〜2027年3月")
    )
    report_due_on = models.DateField(_("活動報告の提出期限"), null=True, blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("募集")
        verbose_name_plural = _("募集")
        ordering = ["-fiscal_year"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="call_closes_after_opens"),
        ]

    def __str__(self) -> str:
        return f"{self.era_label} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("projects:call_detail", args=[self.fiscal_year])

    @property
    def era_label(self) -> str:
        return reiwa_label(self.fiscal_year)

    def is_accepting(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= today <= self.closes_on


class Category(models.Model):
    call = models.ForeignKey(Call, verbose_name=_("募集"), on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("区分の名前"), max_length=80)
    description = models.TextField(_("対象となる活動"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("事業区分")
        verbose_name_plural = _("事業区分")
        ordering = ["call", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "name"], name="category_unique_call_name")]

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """スタートアップ → ステップアップ → 発展: level orders them; the ceiling grows with the level."""

    call = models.ForeignKey(Call, verbose_name=_("募集"), on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(_("段階の名前"), max_length=40)
    level = models.PositiveSmallIntegerField(_("段階（1から順に）"), help_text=_("1が最初の段階です。"))
    ceiling_yen = models.PositiveIntegerField(_("助成の上限額（円）"))
    description = models.TextField(_("この段階の説明"), blank=True)

    class Meta:
        verbose_name = _("段階")
        verbose_name_plural = _("段階")
        ordering = ["call", "level"]
        constraints = [
            models.UniqueConstraint(fields=["call", "level"], name="stage_unique_call_level"),
            models.UniqueConstraint(fields=["call", "name"], name="stage_unique_call_name"),
            models.CheckConstraint(condition=Q(level__gte=1), name="stage_level_from_one"),
        ]

    def __str__(self) -> str:
        return _("%(name)s（上限%(yen)s円）") % {"name": self.name, "yen": f"{self.ceiling_yen:,}"}
