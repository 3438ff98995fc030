"""相談情報ひろば: drop-in places run by residents, and the ward's subsidy for their running costs."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.models import Listing, Organization, Session
from community.models.listings import ListingQuerySet, upcoming_filter
from community.private_files import GeneratedName, PrivateFileField
from hiroba.models.topics import Activity


class PlazaQuerySet(ListingQuerySet):
    def with_activities(self):
        return self.prefetch_related(activities_prefetch())

    def for_list(self):
        """What a list card shows: place and area, operator, activities and the next session."""
        return self.with_place().with_activities().with_next_session()

    def offering(self, activities):
        """Plazas offering any of `activities` (EXISTS, so no duplicate rows)."""
        rows = PlazaActivity.objects.filter(plaza=OuterRef("pk"), activity__in=list(activities))
        return self.filter(Exists(rows))

    def currently_open(self):
        return self.filter(closed_on__isnull=True)

    def count_by_area(self) -> dict[int, int]:
        """{area id: number of plazas} in one query."""
        rows = self.order_by().values("place__chome__town__area").annotate(n=Count("pk"))
        return {row["place__chome__town__area"]: row["n"] for row in rows}

    def open_in_fiscal_year(self, year: int):
        """Plazas that were open at some time in fiscal year `year` (April to March)."""
        import datetime as dt

        start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
        return self.filter(Q(opened_on__isnull=True) | Q(opened_on__lte=end)).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=start)
        )


class Plaza(Listing):
    TRANSLATED_EXTRA_FIELDS = ("hours_text",)
    """A 相談情報ひろば: a place where anyone may drop in and talk, run by a local organization."""

    hours_text = models.CharField(
        _("開いている日時"), max_length=200, help_text=_("例: 毎週火曜・金曜 10:00–15:00（祝日は休み）")
    )
    phone = models.CharField(_("ひろばの電話番号"), max_length=20, blank=True, help_text=_("電話相談を受ける番号"))
    offers_online = models.BooleanField(_("オンラインで相談できる"), default=False)
    languages = models.JSONField(
        _("相談できる言語"), default=list, blank=True, help_text=_("日本語以外に話せる言語（言語コード）")
    )
    introduced_organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("紹介している地域の団体"),
        blank=True,
        related_name="introduced_by_plazas",
    )
    opened_on = models.DateField(_("開設日"), null=True, blank=True)
    closed_on = models.DateField(_("閉所日"), null=True, blank=True)
    source_note = models.CharField(
        _("情報の出どころ"), max_length=300, blank=True, help_text=_("確認できていない情報はその旨を書きます。")
    )

    objects = PlazaQuerySet.as_manager()

    def own_phone(self) -> str:
        return self.phone or self.contact_phone

    class Meta:
        verbose_name = _("相談情報ひろば")
        verbose_name_plural = _("相談情報ひろば")
        ordering = ["title_kana"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(opened_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="plaza_closes_after_opening",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("hiroba:plaza_detail", args=[self.pk])

    @property
    def activity_values(self) -> list[str]:
        return [row.activity for row in self.activity_rows.all()]

    @property
    def activity_labels(self) -> list[str]:
        return [row.get_activity_display() for row in self.activity_rows.all()]

    @property
    def language_labels(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]

    def upcoming_sessions(self):
        return Session.objects.filter(upcoming_filter(), listing=self).select_related("place").order_by("starts_at")


class PlazaActivity(models.Model):
    """One thing people come to a plaza for (a plaza has several)."""

    plaza = models.ForeignKey(Plaza, verbose_name=_("ひろば"), on_delete=models.CASCADE, related_name="activity_rows")
    activity = models.CharField(_("相談・活動の内容"), max_length=20, choices=Activity.choices)

    class Meta:
        verbose_name = _("ひろばの相談・活動の内容")
        verbose_name_plural = _("ひろばの相談・活動の内容")
        constraints = [models.UniqueConstraint(fields=["plaza", "activity"], name="plaza_activity_unique")]
        indexes = [models.Index(fields=["activity", "plaza"], name="plaza_activity_idx")]

    def __str__(self) -> str:
        return str(self.get_activity_display())


class PlazaSubsidyQuerySet(models.QuerySet):
    def summary_by_area_and_year(self):
        """Rows of (area name, fiscal year, plazas subsidised, total granted) for the admin summary."""
        return (
            self.exclude(status=PlazaSubsidy.Status.REJECTED)
            .values("plaza__place__chome__town__area__name", "plaza__place__chome__town__area__sort_order", "fiscal_year")
            .annotate(plazas=Count("plaza", distinct=True), total=models.Sum("amount"))
            .order_by("plaza__place__chome__town__area__sort_order", "fiscal_year")
        )


class PlazaSubsidy(models.Model):
    """運営経費の一部助成: one record per plaza and fiscal year (staff only)."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("申請受付")
        GRANTED = "granted", _("交付決定")
        PAID = "paid", _("交付済み")
        REPORTED = "reported", _("実績報告済み")
        REJECTED = "rejected", _("不交付")

    plaza = models.ForeignKey(Plaza, verbose_name=_("ひろば"), on_delete=models.PROTECT, related_name="subsidies")
    fiscal_year = models.PositiveSmallIntegerField(_("年度"), help_text=_("例: 2026（2026年4月〜2027年3月）"))
    amount = models.PositiveIntegerField(_("助成額（円）"))
    status = models.CharField(_("状態"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    decided_on = models.DateField(_("交付決定日"), null=True, blank=True)
    report = PrivateFileField(_("実績報告書"), upload_to=GeneratedName("hiroba/subsidy_reports"), blank=True)
    reported_on = models.DateField(_("実績報告日"), null=True, blank=True)
    note = models.TextField(_("職員メモ"), blank=True)

    objects = PlazaSubsidyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ひろばの運営費助成")
        verbose_name_plural = _("ひろばの運営費助成")
        ordering = ["-fiscal_year", "plaza__title_kana"]
        constraints = [
            models.UniqueConstraint(fields=["plaza", "fiscal_year"], name="plaza_subsidy_one_per_year"),
            models.CheckConstraint(condition=Q(fiscal_year__gte=2000), name="plaza_subsidy_year_plausible"),
        ]

    def __str__(self) -> str:
        return _("%(plaza)s %(year)s年度") % {"plaza": self.plaza, "year": self.fiscal_year}

    def may_download(self, user) -> bool:
        """Subsidy records are staff-only, the plaza's own operator included."""
        return user.has_perm("hiroba.view_plazasubsidy")


def activities_prefetch() -> Prefetch:
    """A plaza's activities in their order (for prefetch_related_objects on plazas already loaded, too)."""
    return Prefetch("activity_rows", queryset=PlazaActivity.objects.order_by("activity"))
