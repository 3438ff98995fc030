"""Who answers where: the support centre for each 町丁目, and the ward's public consultation desks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.models import Chome, Organization
from community.models.demo import FictionQuerySet
from hiroba.models.topics import Topic


class SupportCenterCoverageQuerySet(models.QuerySet):
    def with_center(self):
        return self.select_related("center__area", "chome__town__area")


class SupportCenterCoverage(models.Model):
    """Which 地域包括支援センター covers a 町丁目 (each 町丁目 has at most one)."""

    center = models.ForeignKey(
        Organization,
        verbose_name=_("地域包括支援センター"),
        on_delete=models.CASCADE,
        related_name="covered_chomes",
        limit_choices_to={"kind": Organization.Kind.SUPPORT_CENTER},
    )
    chome = models.OneToOneField(
        Chome, verbose_name=_("町丁目"), on_delete=models.CASCADE, related_name="support_center_coverage"
    )
    is_confirmed = models.BooleanField(
        _("区の資料で確認済み"), default=False, help_text=_("未確認の割り当ては画面に「確認中」と表示します。")
    )

    objects = SupportCenterCoverageQuerySet.as_manager()

    class Meta:
        verbose_name = _("地域包括支援センターの担当地域")
        verbose_name_plural = _("地域包括支援センターの担当地域")
        ordering = ["chome__town__name_kana", "chome__number"]

    def __str__(self) -> str:
        return f"{self.chome} → {self.center}"


class ConsultationDeskQuerySet(FictionQuerySet):
    def active(self):
        return self.filter(is_active=True).select_related("area")

    def for_area(self, area):
        """Ward-wide desks and the desks of one area."""
        return self.filter(Q(area__isnull=True) | Q(area=area)) if area else self.filter(area__isnull=True)


class ConsultationDesk(models.Model):
    """A public consultation desk of the ward (staff keep this list)."""

    class Kind(models.TextChoices):
        WARD = "ward", _("区役所の相談窓口")
        WELFARE_OFFICE = "welfare_office", _("総合福祉事務所")
        HEALTH = "health", _("保健相談所")
        SHAKYO = "shakyo", _("社会福祉協議会")
        COLLABORATION = "collaboration", _("区民協働交流センター")
        OTHER = "other", _("その他")

    name = models.CharField(_("窓口の名前"), max_length=100, unique=True)
    name_kana = models.CharField(_("よみがな"), max_length=200, blank=True)
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    area = models.ForeignKey(
        "community.Area",
        verbose_name=_("担当する地域"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("空欄は区全体を担当します。"),
    )
    address = models.CharField(_("所在地"), max_length=200, blank=True)
    phone = models.CharField(_("電話番号"), max_length=30, blank=True)
    hours_text = models.CharField(_("受付時間"), max_length=200, blank=True)
    topics = models.JSONField(_("相談できること"), default=list, help_text=_("相談先さがしで案内する分野"))
    offers_visit = models.BooleanField(_("窓口で話せる"), default=True)
    offers_phone = models.BooleanField(_("電話で話せる"), default=True)
    offers_online = models.BooleanField(_("オンラインで話せる"), default=False)
    languages = models.JSONField(_("相談できる言語"), default=list, blank=True)
    description = models.TextField(_("説明"), blank=True)
    website = models.URLField(_("ウェブサイト"), blank=True)
    is_main_contact = models.BooleanField(
        _("相談受付の問い合わせ先"), default=False, help_text=_("匿名の相談受付のあとに「ここへお電話ください」と案内します。")
    )
    is_active = models.BooleanField(_("案内する"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=100)

    objects = ConsultationDeskQuerySet.as_manager()

    class Meta:
        verbose_name = _("区の相談窓口")
        verbose_name_plural = _("区の相談窓口")
        ordering = ["sort_order", "name_kana"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_main_contact"], condition=Q(is_main_contact=True), name="desk_one_main_contact"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def topic_labels(self) -> list[str]:
        labels = dict(Topic.choices)
        return [str(labels.get(value, value)) for value in self.topics]

    @property
    def language_labels(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]
