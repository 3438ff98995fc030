"""ボランティア募集 and matching: openings posted by organizations, residents' volunteer profiles,
applications, invitations and the roster they produce.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing
from community.models.listings import ListingQuerySet
from community.models.schedules import Weekday
from volunteers.models.college import ActivityField

__all__ = [
    "MatchingReport",
    "Opening",
    "OpeningApplication",
    "Skill",
    "SuitableFor",
    "TimeOfDay",
    "VolunteerInvitation",
    "VolunteerLanguage",
    "VolunteerProfile",
]


class TimeOfDay(models.TextChoices):
    MORNING = "am", _("午前")
    AFTERNOON = "pm", _("午後")
    EVENING = "evening", _("夜")


class Skill(models.TextChoices):
    DRIVING = "driving", _("車の運転")
    COMPUTER = "computer", _("パソコン・スマホ")
    COOKING = "cooking", _("料理")
    PHYSICAL = "physical", _("力仕事")
    LISTENING = "listening", _("話し相手・傾聴")
    CHILDREN = "children", _("子どもの相手")
    GARDENING = "gardening", _("園芸・畑仕事")
    PUBLICITY = "publicity", _("写真・広報")
    CARE = "care", _("介護の資格・経験")
    FIRST_AID = "first_aid", _("救命講習の修了")


class SuitableFor(models.TextChoices):
    BEGINNER = "beginner", _("初心者可")
    SHORT = "short", _("短時間")
    FAMILY = "family", _("親子で")
    LANGUAGE = "language", _("外国語を活かせる")
    SENIOR = "senior", _("シニア歓迎")
    STUDENT = "student", _("学生歓迎")


class VolunteerLanguage(models.TextChoices):
    ENGLISH = "en", _("英語")
    CHINESE = "zh", _("中国語")
    KOREAN = "ko", _("韓国語")
    TAGALOG = "tl", _("タガログ語")
    VIETNAMESE = "vi", _("ベトナム語")
    NEPALI = "ne", _("ネパール語")
    SIGN = "sign", _("手話")


class OpeningQuerySet(ListingQuerySet):
    def accepting(self, today=None):
        """Published openings whose closing date has not passed."""
        today = today or timezone.localdate()
        return self.published().filter(closes_on__gte=today)

    def with_area(self):
        return self.select_related("organization", "area", "place")

    def in_field(self, field):
        return self.filter(field=field)


class Opening(Listing):
    TRANSLATED_EXTRA_FIELDS = ("schedule_note",)
    """ボランティア募集: what help an organization needs, where, when, and from whom."""

    field = models.CharField(_("分野"), max_length=12, choices=ActivityField.choices)
    area = models.ForeignKey(
        "community.Area", verbose_name=_("活動する地域"), on_delete=models.PROTECT, related_name="openings"
    )
    weekdays = models.JSONField(_("活動する曜日"), default=list, blank=True)
    times = models.JSONField(_("活動する時間帯"), default=list, blank=True)
    schedule_note = models.CharField(
        _("日程の補足"), max_length=200, blank=True, help_text=_("例: 毎週火曜 10:00〜11:30、12月6日(土)のみ など")
    )
    people_needed = models.PositiveSmallIntegerField(_("募集人数"), default=1)
    skills = models.JSONField(_("活かせる経験・技能"), default=list, blank=True)
    suitable_for = models.JSONField(_("こんな方に向いています"), default=list, blank=True)
    closes_on = models.DateField(_("募集締切日"))

    objects = OpeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("ボランティア募集")
        verbose_name_plural = _("ボランティア募集")
        ordering = ["closes_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(people_needed__gte=1), name="opening_people_needed_positive"),
        ]
        indexes = [
            models.Index(fields=["field", "area", "closes_on"], name="opening_field_area_closes_idx"),
            models.Index(fields=["area", "closes_on"], name="opening_area_closes_idx"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("volunteers:opening_detail", args=[self.pk])

    def get_manage_url(self) -> str:
        return reverse("volunteers:org_opening_edit", args=[self.organization_id, self.pk])

    @property
    def field_label(self) -> str:
        return ActivityField(self.field).label

    def weekday_labels(self) -> list[str]:
        return [str(Weekday(day).label) for day in sorted(self.weekdays)]

    def time_labels(self) -> list[str]:
        return [str(TimeOfDay(time).label) for time in self.times if time in TimeOfDay.values]

    def skill_labels(self) -> list[str]:
        return [str(Skill(code).label) for code in self.skills if code in Skill.values]

    def suitable_labels(self) -> list[str]:
        return [str(SuitableFor(code).label) for code in self.suitable_for if code in SuitableFor.values]

    @property
    def is_accepting(self) -> bool:
        return self.is_published and self.closes_on >= timezone.localdate()


class VolunteerProfileQuerySet(models.QuerySet):
    def visible_to_organizations(self):
        return self.filter(
            visibility__in=[VolunteerProfile.Visibility.ORGANIZATIONS, VolunteerProfile.Visibility.PUBLIC]
        )

    def public(self):
        return self.filter(visibility=VolunteerProfile.Visibility.PUBLIC)

    def with_details(self):
        return self.select_related("user").prefetch_related("areas")

    def in_field(self, field):
        """Profiles that chose the field, or whose owner finished it at the College."""
        # JSON text search: codes are stored quoted (["welfare", "eco"]), so '"welfare"' matches one element
        # and works on PostgreSQL and SQLite alike.
        return self.filter(
            Q(activity_fields__icontains=f'"{field}"')
            | Q(user__college_applications__status="graduated", user__college_applications__course__field=field)
        ).distinct()


class VolunteerProfile(models.Model):
    """What a resident can offer: fields, areas, free time, skills, languages; optionally shown to others."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("自分だけ（団体からの招待を受けない）")
        ORGANIZATIONS = "organizations", _("登録団体にだけ公開")
        PUBLIC = "public", _("だれでも見られる修了生紹介にも公開")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("利用者"), on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    activity_fields = models.JSONField(_("関心のある分野"), default=list, blank=True)
    areas = models.ManyToManyField("community.Area", verbose_name=_("活動できる地域"), blank=True, related_name="+")
    weekdays = models.JSONField(_("活動できる曜日"), default=list, blank=True)
    times = models.JSONField(_("活動できる時間帯"), default=list, blank=True)
    skills = models.JSONField(_("活かせる経験・技能"), default=list, blank=True)
    languages = models.JSONField(_("話せる言語"), default=list, blank=True)
    wishes = models.TextField(_("やってみたいこと"), max_length=600, blank=True)
    visibility = models.CharField(
        _("プロフィールの公開範囲"), max_length=16, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("ボランティアのプロフィール")
        verbose_name_plural = _("ボランティアのプロフィール")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["visibility"], name="vprofile_visibility_idx")]

    def __str__(self) -> str:
        return str(self.user)

    def activity_field_labels(self) -> list[str]:
        return [str(ActivityField(code).label) for code in self.activity_fields if code in ActivityField.values]

    @property
    def public_label(self) -> str:
        """How organizations see the person before they accept: no name, no contact details."""
        return _("登録者 No.%(n)s") % {"n": self.pk}


class OpeningApplicationQuerySet(models.QuerySet):
    def for_organization(self, organization):
        return self.filter(opening__organization=organization)

    def with_opening(self):
        return self.select_related("opening__organization", "opening__area", "user")

    def accepted(self):
        return self.filter(status=OpeningApplication.Status.ACCEPTED)


class OpeningApplication(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("応募中")
        ASKED = "asked", _("団体から質問があります")
        ACCEPTED = "accepted", _("受け入れ決定")
        DECLINED = "declined", _("今回は見送り")
        WITHDRAWN = "withdrawn", _("取り下げ")

    OPEN_STATUSES = (Status.APPLIED, Status.ASKED)

    opening = models.ForeignKey(
        Opening, verbose_name=_("ボランティア募集"), on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("応募者"), on_delete=models.CASCADE,
        related_name="opening_applications",
    )
    message = models.TextField(_("応募メッセージ"), max_length=1000)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.APPLIED, db_index=True)
    organization_message = models.TextField(_("団体からのメッセージ"), max_length=1000, blank=True)
    reply = models.TextField(_("応募者からの返信"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("応募日時"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("決定日時"), null=True, blank=True, editable=False)

    objects = OpeningApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("ボランティアへの応募")
        verbose_name_plural = _("ボランティアへの応募")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["opening", "user"], name="opening_application_one_per_user"),
        ]
        indexes = [models.Index(fields=["status", "decided_at"], name="opening_app_status_decided_idx")]

    def __str__(self) -> str:
        return f"{self.user} → {self.opening}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def shows_contact(self) -> bool:
        """The organization sees the applicant's e-mail and phone only once it has accepted them."""
        return self.status == self.Status.ACCEPTED

    @property
    def reference(self) -> str:
        """受付番号 given to the applicant (V for ボランティアへの応募)."""
        return f"V-{self.pk:06d}"

    @property
    def applicant_label(self) -> str:
        """How the organization names an applicant it has not accepted: 「応募者 #12」, no name, no address."""
        from django.utils.translation import gettext

        return gettext("応募者 #%(n)s") % {"n": self.pk}

    @property
    def display_name(self) -> str:
        """What the organization sees: the name once accepted, 「応募者 #12」 before."""
        return self.user.get_full_name() if self.shows_contact else self.applicant_label


class VolunteerInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=VolunteerInvitation.Status.SENT)

    def accepted(self):
        return self.filter(status=VolunteerInvitation.Status.ACCEPTED)


class VolunteerInvitation(models.Model):
    """An organization asks an opted-in resident to join; contact details are shared only if they accept."""

    class Status(models.TextChoices):
        SENT = "sent", _("返事待ち")
        ACCEPTED = "accepted", _("承諾")
        DECLINED = "declined", _("お断り")

    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("招待した団体"), on_delete=models.CASCADE, related_name="volunteer_invitations"
    )
    profile = models.ForeignKey(
        VolunteerProfile, verbose_name=_("招待された人"), on_delete=models.CASCADE, related_name="invitations"
    )
    opening = models.ForeignKey(
        Opening, verbose_name=_("関係する募集"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("招待のメッセージ"), max_length=1000)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, default=Status.SENT, db_index=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("送った人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("送信日時"), default=timezone.now, editable=False)
    responded_at = models.DateTimeField(_("返事の日時"), null=True, blank=True, editable=False)

    objects = VolunteerInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("団体からの招待")
        verbose_name_plural = _("団体からの招待")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "profile"], condition=Q(status="sent"), name="volunteer_invitation_one_pending_per_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.profile}"

    @property
    def shows_contact(self) -> bool:
        return self.status == self.Status.ACCEPTED


class MatchingReport(OpeningApplication):
    """The staff's monthly numbers (openings, applications, matches by field and area) in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("マッチングの集計")
        verbose_name_plural = _("マッチングの集計（月別・分野別・地域別）")
