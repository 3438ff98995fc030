"""町会・自治会: which 町丁目 each association covers, what it does, join inquiries, and staff-managed resources.

An association is a community Organization of kind 町会・自治会; AssociationProfile adds what only
associations have. Several associations may cover one 町丁目 (a 団地自治会 inside a 町会's area).
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n.content import TranslatedQuerySetMixin

__all__ = [
    "AssociationActivity",
    "AssociationPhoto",
    "AssociationProfile",
    "JoinInquiry",
    "Resource",
]


def card_prefetches() -> tuple:
    """The 町丁目 (with their towns) and activities a directory card lists."""
    from community.models import Chome

    return models.Prefetch("chomes", queryset=Chome.objects.select_related("town")), "activities"


class AssociationProfileQuerySet(TranslatedQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(organization__status="published", organization__kind="chokai")

    def covering(self, chome):
        return self.filter(chomes=chome)

    def in_area(self, area):
        return self.filter(organization__area=area)

    def in_town(self, town):
        return self.filter(chomes__town=town).distinct()

    def with_activity(self, kind):
        return self.filter(activities__kind=kind)

    def for_cards(self):
        """A directory page before its cards are rendered: organization (with its translation), area and meeting
        place, in 五十音順; the 町丁目 and activities come with card_prefetches() for the cards not cached yet."""
        return self.select_related("organization__area", "meeting_place").order_by("organization__name_kana", "pk")

    def for_list(self):
        """Everything a directory row shows: organization, area, meeting place, 町丁目 and activities."""
        return self.for_cards().prefetch_related(*card_prefetches())

    def for_detail(self):
        return self.for_list().prefetch_related("photos")


class AssociationProfile(models.Model):
    organization = models.OneToOneField(
        "community.Organization",
        verbose_name=_("町会・自治会"),
        on_delete=models.CASCADE,
        related_name="association_profile",
        limit_choices_to={"kind": "chokai"},
    )
    chomes = models.ManyToManyField(
        "community.Chome", verbose_name=_("活動している町丁目"), related_name="association_profiles", blank=True
    )
    meeting_place = models.ForeignKey(
        "community.Place",
        verbose_name=_("集会所・活動の場所"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_note = models.CharField(_("集まりについて"), max_length=200, blank=True, help_text=_("例：役員会は毎月第1日曜の夜"))
    how_to_join = models.TextField(
        _("加入のしかた"), blank=True, help_text=_("例：下のフォームからお問い合わせください。班長がご案内します。")
    )
    fee_text = models.CharField(
        _("会費"), max_length=100, blank=True, help_text=_("公開する場合のみ。例：月額300円（1世帯）")
    )
    households = models.PositiveIntegerField(_("加入世帯数（おおよそ）"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = AssociationProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("町会・自治会の紹介")
        verbose_name_plural = _("町会・自治会の紹介")
        ordering = ["organization__name_kana"]

    def __str__(self) -> str:
        return str(self.organization)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("volunteers:association_detail", args=[self.pk])


class AssociationActivity(models.Model):
    class Kind(models.TextChoices):
        SAFETY = "safety", _("防犯・防災")
        CLEANING = "cleaning", _("清掃・美化")
        WATCHING = "watching", _("見守り・声かけ")
        FESTIVAL = "festival", _("お祭り・行事")
        CHILDREN = "children", _("子ども会・子育て")
        ELDERLY = "elderly", _("高齢者の集い")
        NOTICE = "notice", _("回覧板・お知らせ")
        GREEN = "green", _("花壇・緑化")

    profile = models.ForeignKey(
        AssociationProfile, verbose_name=_("町会・自治会"), on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(_("活動"), max_length=12, choices=Kind.choices)
    note = models.CharField(_("ひとこと"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("活動内容")
        verbose_name_plural = _("活動内容")
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["profile", "kind"], name="association_activity_unique_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()


class AssociationPhoto(models.Model):
    profile = models.ForeignKey(
        AssociationProfile, verbose_name=_("町会・自治会"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("写真"), upload_to="associations/photos/")
    alt_text = models.CharField(_("写真の説明（読み上げ用）"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("活動の写真")
        verbose_name_plural = _("活動の写真")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.alt_text


class JoinInquiryQuerySet(models.QuerySet):
    def for_organization(self, organization):
        return self.filter(association=organization)

    def unanswered(self):
        return self.filter(status=JoinInquiry.Status.NEW)

    def counts_by_area(self):
        """Per area: total inquiries and how many still wait for an answer (for the admin summary)."""
        return (
            self.values("association__area__name", "association__area__sort_order")
            .annotate(total=Count("pk"), waiting=Count("pk", filter=Q(status=JoinInquiry.Status.NEW)))
            .order_by("association__area__sort_order")
        )


class JoinInquiry(models.Model):
    """加入の問い合わせ: a resident asks to join; the association's members answer. Account optional."""

    class Status(models.TextChoices):
        NEW = "new", _("未回答")
        ANSWERED = "answered", _("回答済み")

    class Outcome(models.TextChoices):
        # What came of it, so 加入促進 can be measured (blank: not recorded yet).
        JOINED = "joined", _("加入した")
        DECLINED = "declined", _("見送り")
        UNREACHABLE = "unreachable", _("連絡つかず")

    association = models.ForeignKey(
        "community.Organization",
        verbose_name=_("町会・自治会"),
        on_delete=models.CASCADE,
        related_name="join_inquiries",
    )
    name = models.CharField(_("お名前"), max_length=60)
    email = models.EmailField(_("メールアドレス"), blank=True)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    address = models.CharField(_("お住まい（町丁目まで）"), max_length=100, blank=True)
    message = models.TextField(_("お問い合わせの内容"), max_length=2000, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("送信した利用者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_inquiries",
    )
    status = models.CharField(_("対応状況"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("受付日時"), default=timezone.now)
    answered_at = models.DateTimeField(_("回答日時"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("回答した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("結果"), max_length=12, choices=Outcome.choices, blank=True, db_index=True)
    outcome_at = models.DateTimeField(_("結果の記録日時"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("結果を記録した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = JoinInquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("加入の問い合わせ")
        verbose_name_plural = _("加入の問い合わせ")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(phone="") | ~Q(email=""), name="join_inquiry_has_reply_route"),
        ]
        indexes = [models.Index(fields=["association", "status", "created_at"], name="join_inquiry_org_status_idx")]

    def __str__(self) -> str:
        return f"{self.name} → {self.association}"

    @property
    def reference(self) -> str:
        """受付番号 given to the resident (J for 加入の問い合わせ)."""
        return f"J-{self.pk:06d}"


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Resource(models.Model):
    """Downloadable PDFs managed by staff: the ヒント集 and the newcomer pamphlet."""

    class Kind(models.TextChoices):
        HINTS = "hints", _("これからの町会・自治会運営のヒント集")
        NEWCOMER = "newcomer", _("転入された方へのパンフレット")
        OTHER = "other", _("その他の資料")

    kind = models.CharField(_("資料の種類"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("資料名"), max_length=120)
    description = models.CharField(_("説明"), max_length=300, blank=True)
    file = models.FileField(_("PDFファイル"), upload_to="volunteers/resources/")
    page_count = models.PositiveSmallIntegerField(_("ページ数"), null=True, blank=True)
    is_published = models.BooleanField(_("公開する"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("ダウンロード資料")
        verbose_name_plural = _("ダウンロード資料")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def size_kb(self) -> int:
        try:
            return max(1, self.file.size // 1024)
        except (OSError, ValueError):
            return 0
