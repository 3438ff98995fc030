"""相談受付: a request that needs no account, seen only by the people who handle it, every look logged.

Content (what the person wrote and how to reach them) is shown only to the assigned staff user, the
members of the assigned team and 区職員 holding `hiroba.view_consultation_content`. Everyone else with
admin access sees the reference, topic, status and dates only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n.languages import language_choices
from hiroba.models.topics import Topic

CONTENT_PERMISSION = "hiroba.view_consultation_content"
# The fields that carry what the person told us; retention blanks them, the admin hides them.
CONTENT_FIELDS = ("message", "preferred_time", "name", "phone", "email")


class ConsultationTeam(models.Model):
    """A team that takes consultations (e.g. a ward section or a 社協 area office)."""

    name = models.CharField(_("チーム名"), max_length=100, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("メンバー"), blank=True, related_name="consultation_teams"
    )
    description = models.CharField(_("説明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("相談対応チーム")
        verbose_name_plural = _("相談対応チーム")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConsultationRequestQuerySet(models.QuerySet):
    def content_visible_to(self, user):
        """Requests whose content this user may read."""
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return self.none()
        if user.has_perm(CONTENT_PERMISSION):
            return self
        return self.filter(Q(assigned_to=user) | Q(assigned_team__members=user)).distinct()

    def due_for_retention(self, *, now, years: int):
        """Closed more than `years` years ago and not yet anonymized."""
        cutoff = now - timezone.timedelta(days=365 * years)
        return self.filter(status=ConsultationRequest.Status.CLOSED, closed_at__lt=cutoff, anonymized_at__isnull=True)


class ConsultationRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("受付")
        ASSIGNED = "assigned", _("担当決定")
        IN_PROGRESS = "in_progress", _("対応中")
        CLOSED = "closed", _("終了")

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("電話")
        EMAIL = "email", _("メール")
        VISIT = "visit", _("会って話したい")
        NONE = "none", _("連絡はいらない（匿名）")

    reference = models.CharField(_("受付番号"), max_length=12, unique=True, editable=False)
    topic = models.CharField(_("相談の分野"), max_length=12, choices=Topic.choices, db_index=True)
    message = models.TextField(_("相談したいこと"))
    contact_method = models.CharField(_("希望する連絡方法"), max_length=8, choices=ContactMethod.choices)
    preferred_time = models.CharField(_("連絡してよい時間帯"), max_length=100, blank=True)
    language = models.CharField(_("話したい言語"), max_length=10, choices=language_choices, default="ja")
    area = models.ForeignKey(
        "community.Area", verbose_name=_("お住まいの地域"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_anonymous = models.BooleanField(_("匿名"), default=False)
    name = models.CharField(_("お名前"), max_length=60, blank=True)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    assigned_team = models.ForeignKey(
        ConsultationTeam,
        verbose_name=_("担当チーム"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    assigned_plaza = models.ForeignKey(
        "hiroba.Plaza",
        verbose_name=_("つなぐひろば"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("担当職員"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_consultations",
        limit_choices_to={"is_staff": True},
    )
    consented_at = models.DateTimeField(_("同意した日時"))
    received_at = models.DateTimeField(_("受付日時"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("終了日時"), null=True, blank=True)
    anonymized_at = models.DateTimeField(_("匿名化した日時"), null=True, blank=True)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("相談受付")
        verbose_name_plural = _("相談受付")
        ordering = ["-received_at"]
        permissions = [("view_consultation_content", _("相談の内容と連絡先を見る"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_anonymous=True) | Q(anonymized_at__isnull=False) | ~Q(phone="") | ~Q(email=""),
                name="consultation_named_has_contact",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False), name="consultation_closed_has_date"
            ),
        ]
        indexes = [models.Index(fields=["status", "closed_at"], name="consultation_retention_idx")]

    def __str__(self) -> str:
        # Only the reference: this string appears in admin lists, logs and messages.
        return self.reference

    def content_visible_to(self, user) -> bool:
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return False
        if user.has_perm(CONTENT_PERMISSION) or (self.assigned_to_id and self.assigned_to_id == user.pk):
            return True
        return bool(self.assigned_team_id) and self.assigned_team.members.filter(pk=user.pk).exists()


class ConsultationNote(models.Model):
    """An internal note of the staff handling a request (content: same access rule)."""

    consultation = models.ForeignKey(
        ConsultationRequest, verbose_name=_("相談受付"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("記入者"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("内部メモ"))
    created_at = models.DateTimeField(_("記入日時"), default=timezone.now)

    class Meta:
        verbose_name = _("内部メモ")
        verbose_name_plural = _("内部メモ")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.consultation} {self.created_at:%Y-%m-%d %H:%M}"


class ConsultationAccessLog(models.Model):
    """Who looked at or exported which request, and when (kept after the request is anonymized)."""

    class Action(models.TextChoices):
        VIEW = "view", _("内容を閲覧")
        VIEW_SUMMARY = "view_summary", _("概要のみ閲覧")
        CHANGE = "change", _("変更")
        EXPORT = "export", _("CSV出力")
        HISTORY = "history", _("変更履歴を閲覧")
        SEARCH = "search", _("検索で内容を照合")
        ANONYMIZE = "anonymize", _("保存期間経過で匿名化")
        DELETE = "delete", _("削除")

    consultation = models.ForeignKey(
        ConsultationRequest,
        verbose_name=_("相談受付"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="access_logs",
    )
    reference = models.CharField(_("受付番号"), max_length=12, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_label = models.CharField(_("操作した人（記録時）"), max_length=200)
    action = models.CharField(_("操作"), max_length=14, choices=Action.choices)
    at = models.DateTimeField(_("日時"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IPアドレス"), null=True, blank=True)

    class Meta:
        verbose_name = _("相談受付の閲覧記録")
        verbose_name_plural = _("相談受付の閲覧記録")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_action_display()} {self.user_label}"


class RetentionSetting(models.Model):
    """How long closed requests are kept (one row, set by staff)."""

    class Action(models.TextChoices):
        ANONYMIZE = "anonymize", _("内容と連絡先を消して統計用に残す（匿名化）")
        DELETE = "delete", _("記録ごと削除する")

    years = models.PositiveSmallIntegerField(
        _("保存期間（年）"), default=3, help_text=_("相談が終了してから、この年数が過ぎたら処理します。")
    )
    action = models.CharField(_("期間が過ぎたら"), max_length=10, choices=Action.choices, default=Action.ANONYMIZE)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        verbose_name = _("相談受付の保存期間")
        verbose_name_plural = _("相談受付の保存期間")
        constraints = [models.CheckConstraint(condition=Q(years__gte=1), name="retention_at_least_one_year")]

    def __str__(self) -> str:
        return str(_("終了後%(years)s年") % {"years": self.years})

    @classmethod
    def current(cls) -> "RetentionSetting":
        setting, _created = cls.objects.get_or_create(pk=1)
        return setting
