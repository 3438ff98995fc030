"""地域福祉コーディネーター (assigned to areas), 地域福祉協働推進員 registration, and NPO support (区民協働交流センター)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing
from community.models.listings import ListingQuerySet
from community.models.users import Interest

__all__ = [
    "CollaboratorRegistration",
    "CoordinatorAssignment",
    "CoordinatorTeam",
    "GroupProfile",
    "NpoSeminar",
    "NpoSupportMenu",
]


class CoordinatorTeam(models.Model):
    """The 地域福祉コーディネーター team of one area and its public contact (never a personal phone)."""

    area = models.OneToOneField(
        "community.Area", verbose_name=_("地域"), on_delete=models.PROTECT, related_name="coordinator_team"
    )
    name = models.CharField(_("チーム名"), max_length=80, help_text=_("例：練馬地区 地域福祉コーディネーター"))
    office = models.CharField(_("窓口"), max_length=120)
    phone = models.CharField(_("窓口の電話番号"), max_length=20, help_text=_("窓口の番号。個人の電話番号は入れないでください。"))
    email = models.EmailField(_("窓口のメールアドレス"), blank=True)
    hours = models.CharField(_("受付時間"), max_length=100, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("担当のコーディネーター"),
        through="CoordinatorAssignment",
        related_name="coordinator_teams",
        blank=True,
    )

    class Meta:
        verbose_name = _("地域福祉コーディネーターの担当地域")
        verbose_name_plural = _("地域福祉コーディネーターの担当地域")
        ordering = ["area__sort_order"]

    def __str__(self) -> str:
        return self.name


class CoordinatorAssignment(models.Model):
    team = models.ForeignKey(
        CoordinatorTeam, verbose_name=_("担当地域"), on_delete=models.CASCADE, related_name="assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("コーディネーター"),
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
        limit_choices_to={"groups__name": "社協コーディネーター"},
    )
    since = models.DateField(_("担当開始日"), default=timezone.localdate)

    class Meta:
        verbose_name = _("コーディネーターの担当")
        verbose_name_plural = _("コーディネーターの担当")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="coordinator_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} / {self.team}"


class Weekday(models.TextChoices):
    MON = "mon", _("月曜")
    TUE = "tue", _("火曜")
    WED = "wed", _("水曜")
    THU = "thu", _("木曜")
    FRI = "fri", _("金曜")
    SAT = "sat", _("土曜")
    SUN = "sun", _("日曜")


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("午前")
    AFTERNOON = "afternoon", _("午後")
    EVENING = "evening", _("夜")


class CollaboratorRegistrationQuerySet(models.QuerySet):
    def for_coordinator(self, user):
        """Registrations naming an area this coordinator is assigned to."""
        return self.filter(areas__coordinator_team__assignments__user=user).distinct()

    def with_related(self):
        return self.select_related("user").prefetch_related("areas")


class CollaboratorRegistration(models.Model):
    """地域福祉協働推進員 registration: one per resident; the area's coordinator follows it up."""

    class Status(models.TextChoices):
        NEW = "new", _("受付（連絡をお待ちください）")
        CONTACTED = "contacted", _("コーディネーターから連絡済み")
        ACTIVE = "active", _("推進員として活動中")
        PAUSED = "paused", _("お休み中")
        WITHDRAWN = "withdrawn", _("登録を取り下げ")

    Interest = Interest
    Weekday = Weekday
    TimeOfDay = TimeOfDay

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登録者"),
        on_delete=models.CASCADE,
        related_name="collaborator_registration",
    )
    areas = models.ManyToManyField("community.Area", verbose_name=_("活動したい地域"), related_name="+")
    interests = models.JSONField(_("関心のある分野"), default=list)
    weekdays = models.JSONField(_("活動できる曜日"), default=list, blank=True)
    times = models.JSONField(_("活動できる時間帯"), default=list, blank=True)
    availability_note = models.CharField(_("活動できる日時の補足"), max_length=200, blank=True)
    phone = models.CharField(_("連絡のつく電話番号"), max_length=20, blank=True)
    message = models.TextField(_("ひとこと・経験など"), max_length=1000, blank=True)
    status = models.CharField(_("状況"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    coordinator_note = models.TextField(_("コーディネーターの記録"), blank=True)
    contacted_at = models.DateTimeField(_("最初に連絡した日時"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("状況の更新日時"), null=True, blank=True)
    created_at = models.DateTimeField(_("登録日時"), default=timezone.now)

    objects = CollaboratorRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("地域福祉協働推進員の登録")
        verbose_name_plural = _("地域福祉協働推進員の登録")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.user)

    def interest_labels(self) -> list[str]:
        labels = dict(Interest.choices)
        return [str(labels[i]) for i in self.interests if i in labels]

    def weekday_labels(self) -> list[str]:
        labels = dict(Weekday.choices)
        return [str(labels[d]) for d in self.weekdays if d in labels]

    def time_labels(self) -> list[str]:
        labels = dict(TimeOfDay.choices)
        return [str(labels[t]) for t in self.times if t in labels]


class NpoSupportMenu(models.Model):
    """A support menu of 区民協働交流センター: 設立相談, 運営相談, 講座."""

    class Kind(models.TextChoices):
        FOUNDING = "founding", _("設立相談")
        OPERATION = "operation", _("運営相談")
        SEMINAR = "seminar", _("講座")

    kind = models.CharField(_("種類"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=100)
    description = models.TextField(_("内容"))
    how_to_apply = models.CharField(_("申込み方法"), max_length=200, blank=True)
    fee_text = models.CharField(_("費用"), max_length=60, blank=True, default="無料")
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("NPO支援メニュー")
        verbose_name_plural = _("NPO支援メニュー")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.title


class NpoSeminarQuerySet(ListingQuerySet):
    def for_list(self):
        return self.with_place().with_next_session().order_by("title_kana", "pk")


class NpoSeminar(Listing):
    TRANSLATED_EXTRA_FIELDS = ("topic",)
    """A seminar (講座) of the centre: a Listing, so its sessions and sign-ups use the kernel."""

    menu = models.ForeignKey(
        NpoSupportMenu,
        verbose_name=_("支援メニュー"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seminars",
    )
    topic = models.CharField(_("テーマ"), max_length=60, blank=True, help_text=_("例：会計、広報、助成金申請"))

    objects = NpoSeminarQuerySet.as_manager()

    class Meta:
        verbose_name = _("NPO講座")
        verbose_name_plural = _("NPO講座")

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("volunteers:npo_seminar_detail", args=[self.pk])


class GroupProfileQuerySet(models.QuerySet):
    def published(self):
        return self.filter(organization__status="published", organization__kind__in=GroupProfile.KINDS)

    def for_list(self):
        return self.select_related("organization__area").order_by("organization__name_kana", "pk")


class GroupProfile(models.Model):
    """NPO法人・ボランティア団体 directory entry: field, area and the help the group is looking for."""

    KINDS = ("npo", "volunteer")

    organization = models.OneToOneField(
        "community.Organization",
        verbose_name=_("団体"),
        on_delete=models.CASCADE,
        related_name="group_profile",
        limit_choices_to=Q(kind__in=KINDS),
    )
    field = models.CharField(_("活動分野"), max_length=16, choices=Interest.choices)
    activity_summary = models.CharField(_("活動内容"), max_length=200)
    help_wanted = models.CharField(
        _("求めている協力"), max_length=200, blank=True, help_text=_("例：送迎ボランティア、会計のわかる方、活動場所")
    )
    accepts_volunteers = models.BooleanField(_("ボランティアを受け入れている"), default=False)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = GroupProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("NPO・ボランティア団体の紹介")
        verbose_name_plural = _("NPO・ボランティア団体の紹介")
        ordering = ["organization__name_kana"]
        indexes = [models.Index(fields=["field"], name="group_profile_field_idx")]

    def __str__(self) -> str:
        return str(self.organization)
