"""団体 and who may act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from community.i18n.content import TranslatedQuerySetMixin
from community.models.demo import FictionQuerySet
from community.models.publication import Publishable, PublishableQuerySet
from community.readings import HIRAGANA_RE, validate_hiragana  # noqa: F401 (migrations name it here)


class OrganizationQuerySet(FictionQuerySet, TranslatedQuerySetMixin, PublishableQuerySet):
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
        UNIVERSITY = "university", _("大学・研究機関")
        WARD = "ward", _("区")

    # Kinds that speak for the ward or its partners: set by staff in the admin, never by members.
    STAFF_ONLY_KINDS = (Kind.WARD, Kind.SHAKYO, Kind.SUPPORT_CENTER)

    kind = models.CharField(_("種別"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("団体名"), max_length=100)
    name_kana = models.CharField(_("よみがな"), max_length=200, validators=[validate_hiragana])
    description = models.TextField(_("団体の紹介"), blank=True)
    area = models.ForeignKey(
        "community.Area", verbose_name=_("主な活動地域"), null=True, blank=True, on_delete=models.SET_NULL
    )
    address = models.CharField(_("所在地"), max_length=200, blank=True)
    contact_phone = models.CharField(
        _("公開する電話番号"), max_length=20, blank=True, help_text=_("団体の代表番号。個人の電話番号は載せないでください。")
    )
    contact_email = models.EmailField(_("公開するメールアドレス"), blank=True)
    hours_text = models.CharField(
        _("電話の受付時間"), max_length=100, blank=True, help_text=_("例：月曜〜金曜 9:00〜17:00。確認できていなければ空欄にします。")
    )
    website = models.URLField(_("ウェブサイト"), blank=True)
    logo = models.ImageField(_("ロゴ"), upload_to="organizations/logos/", blank=True)
    # A public organization's new name or 種別 waits here for staff; the public keeps the approved one meanwhile.
    pending_name = models.CharField(_("承認待ちの団体名"), max_length=100, blank=True)
    pending_name_kana = models.CharField(_("承認待ちのよみがな"), max_length=200, blank=True)
    pending_kind = models.CharField(_("承認待ちの種別"), max_length=12, choices=Kind.choices, blank=True)
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

    @property
    def has_pending_identity(self) -> bool:
        return bool(self.pending_name or self.pending_kind)

    @property
    def contact(self):
        """Whom to phone: the organization's own number, else the ward's desk for its area (community/contacts.py)."""
        from community.contacts import organization_contact

        return organization_contact(self)

class MembershipQuerySet(TranslatedQuerySetMixin, models.QuerySet):
    def representatives(self):
        return self.filter(role=Membership.Role.REPRESENTATIVE)

    def with_user(self):
        return self.select_related("user").order_by("role", "user__full_name_kana", "user__email")

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
    class Notify(models.TextChoices):
        EACH = "each", _("そのつどメールで受け取る")
        DIGEST = "digest", _("1日1回まとめて受け取る")

    role = models.CharField(_("役割"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    # How this member hears that someone signed up, cancelled or asked to join (community/services/notices.py).
    notify = models.CharField(
        _("申込・問い合わせのお知らせ"), max_length=8, choices=Notify.choices, default=Notify.EACH
    )
    joined_at = models.DateTimeField(_("参加日時"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("団体のメンバー")
        verbose_name_plural = _("団体のメンバー")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_unique_org_user"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} / {self.user} ({self.get_role_display()})"

    @property
    def is_representative(self) -> bool:
        return self.role == self.Role.REPRESENTATIVE

class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

class Invitation(models.Model):
    """An e-mail invitation to join an organization; the link carries a signed, expiring token."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("団体"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("招待するメールアドレス"))
    role = models.CharField(_("役割"), max_length=16, choices=Membership.Role.choices, default=Membership.Role.EDITOR)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("招待した人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("招待日時"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("承諾日時"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承諾した利用者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("取り消し日時"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("団体への招待")
        verbose_name_plural = _("団体への招待")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organization} → {self.email}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None
