"""団体 and who may act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from community.models.publication import Publishable, PublishableQuerySet


class OrganizationQuerySet(PublishableQuerySet):
    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def by_reading(self):
        return self.order_by("name_kana")


class Organization(Publishable):
    class Kind(models.TextChoices):
        NEIGHBORHOOD = "chokai", _("町会・自治会")
        NPO = "npo", _("NPO法人")
        VOLUNTEER = "volunteer", _("ボランティア団体")
        SHAKYO = "shakyo", _("社会福祉協議会")
        SUPPORT_CENTER = "houkatsu", _("地域包括支援センター")
        BUSINESS = "business", _("民間事業者")
        CHILDCARE = "childcare", _("保育・教育事業者")
        WARD = "ward", _("区")

    kind = models.CharField(_("種別"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("団体名"), max_length=100)
    name_kana = models.CharField(_("よみがな"), max_length=200)
    description = models.TextField(_("団体の紹介"), blank=True)
    area = models.ForeignKey(
        "community.Area", verbose_name=_("主な活動地域"), null=True, blank=True, on_delete=models.SET_NULL
    )
    address = models.CharField(_("所在地"), max_length=200, blank=True)
    contact_phone = models.CharField(
        _("公開する電話番号"), max_length=20, blank=True, help_text=_("団体の代表番号。個人の電話番号は載せないでください。")
    )
    contact_email = models.EmailField(_("公開するメールアドレス"), blank=True)
    website = models.URLField(_("ウェブサイト"), blank=True)
    logo = models.ImageField(_("ロゴ"), upload_to="organizations/logos/", blank=True)
    is_fictional = models.BooleanField(
        _("架空のデモデータ"), default=False, help_text=_("デモ用に作った架空の団体であることを示します。")
    )
    history = HistoricalRecords(verbose_name=_("団体の変更履歴"))

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("団体")
        verbose_name_plural = _("団体")
        ordering = ["name_kana"]
        indexes = [models.Index(fields=["status", "kind"], name="org_status_kind_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("community:organization_detail", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("代表者")
        EDITOR = "editor", _("編集者")

    organization = models.ForeignKey(
        Organization, verbose_name=_("団体"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("利用者"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("役割"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    joined_at = models.DateTimeField(_("参加日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("団体のメンバー")
        verbose_name_plural = _("団体のメンバー")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_unique_org_user"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} / {self.user} ({self.get_role_display()})"
