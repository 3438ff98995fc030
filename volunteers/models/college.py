"""地域福祉パワーアップカレッジねりま: cohorts, one course per cohort × field, applications, attendance.

A course is a Listing subclass, so its classes are ordinary kernel Sessions (sign-up, calendar, history).
The lottery that turns applications into students lives in volunteers/lottery.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing
from community.models.demo import FictionQuerySet
from community.models.listings import ListingQuerySet

__all__ = [
    "ActivityField",
    "ClassAttendance",
    "CollegeApplication",
    "CollegeCourse",
    "Cohort",
]


class ActivityField(models.TextChoices):
    """The College's five fields; volunteer openings and profiles use the same words."""

    WELFARE = "welfare", _("福祉")
    DISASTER = "disaster", _("防災")
    FARM = "farm", _("農")
    GREEN = "green", _("みどり")
    ECO = "eco", _("エコスタイル")


class CohortQuerySet(FictionQuerySet):
    def with_courses(self):
        return self.prefetch_related(
            models.Prefetch("courses", queryset=CollegeCourse.objects.order_by("field"))
        )


class Cohort(models.Model):
    """One intake (第N期): applications in a window, then a two-year course."""

    class Phase(models.TextChoices):
        BEFORE_INTAKE = "before", _("募集前")
        INTAKE_OPEN = "intake", _("受講生募集中")
        SELECTING = "selecting", _("抽選・選考中")
        IN_CLASS = "in_class", _("受講中")
        GRADUATED = "graduated", _("修了")

    number = models.PositiveSmallIntegerField(_("期"), unique=True)
    name = models.CharField(_("名称"), max_length=60, help_text=_("例: 第8期（2026・2027年度）"))
    description = models.TextField(_("この期の紹介"), blank=True)
    intake_opens_at = models.DateTimeField(_("申込受付の開始"))
    intake_closes_at = models.DateTimeField(_("申込受付の締切"))
    course_starts_on = models.DateField(_("講座の開始日"))
    course_ends_on = models.DateField(_("講座の終了日"))
    graduated_on = models.DateField(_("修了日"), null=True, blank=True, editable=False)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("カレッジの期")
        verbose_name_plural = _("カレッジの期")
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(intake_closes_at__gt=models.F("intake_opens_at")), name="cohort_intake_closes_after_open"
            ),
            models.CheckConstraint(
                condition=Q(course_ends_on__gt=models.F("course_starts_on")), name="cohort_course_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("volunteers:college_cohort", args=[self.pk])

    def phase(self, now=None) -> "Cohort.Phase":
        now = now or timezone.now()
        if self.graduated_on:
            return self.Phase.GRADUATED
        if now < self.intake_opens_at:
            return self.Phase.BEFORE_INTAKE
        if now <= self.intake_closes_at:
            return self.Phase.INTAKE_OPEN
        if now.date() < self.course_starts_on:
            return self.Phase.SELECTING
        return self.Phase.IN_CLASS

    @property
    def phase_label(self) -> str:
        return self.phase().label

    @property
    def is_intake_open(self) -> bool:
        return self.phase() == self.Phase.INTAKE_OPEN


class CollegeCourseQuerySet(ListingQuerySet):
    def with_cohort(self):
        return self.select_related("cohort", "organization")


class CollegeCourse(Listing):
    """One field of one cohort (e.g. 第8期 防災コース): its capacity, its lottery and its classes (sessions)."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("期"), on_delete=models.CASCADE, related_name="courses")
    field = models.CharField(_("分野"), max_length=12, choices=ActivityField.choices)
    capacity = models.PositiveSmallIntegerField(_("定員（人）"))
    required_attendance_percent = models.PositiveSmallIntegerField(
        _("修了に必要な出席率（％）"), default=70, help_text=_("この割合以上出席した受講生が修了となります。")
    )
    lottery_seed = models.BigIntegerField(
        _("抽選のシード値"), null=True, blank=True, editable=False,
        help_text=_("この値で同じ抽選結果を再現できます。"),
    )
    lottery_drawn_at = models.DateTimeField(_("抽選日時"), null=True, blank=True, editable=False)

    objects = CollegeCourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("カレッジのコース")
        verbose_name_plural = _("カレッジのコース")
        ordering = ["cohort", "field"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "field"], name="college_course_unique_cohort_field"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="college_course_capacity_positive"),
            models.CheckConstraint(
                condition=Q(required_attendance_percent__lte=100), name="college_course_percent_at_most_100"
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("volunteers:college_cohort", args=[self.cohort_id]) + f"#field-{self.field}"

    def get_manage_url(self) -> str:
        return reverse("admin:volunteers_collegecourse_change", args=[self.pk])


class CollegeApplicationQuerySet(models.QuerySet):
    def with_course(self):
        return self.select_related("course__cohort", "user")

    def graduated(self):
        return self.filter(status=CollegeApplication.Status.GRADUATED)

    def waitlist(self):
        """Waitlisted applicants in the order the lottery drew them."""
        return self.filter(status=CollegeApplication.Status.WAITLISTED).order_by("draw_position", "pk")


class CollegeApplication(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("抽選待ち")
        ENROLLED = "enrolled", _("受講決定")
        WAITLISTED = "waitlisted", _("補欠（繰り上げ待ち）")
        DECLINED = "declined", _("辞退")
        GRADUATED = "graduated", _("修了")
        NOT_COMPLETED = "not_completed", _("修了要件に届かず")

    class Availability(models.TextChoices):
        WEEKDAY_DAY = "weekday_day", _("平日の日中")
        WEEKDAY_EVENING = "weekday_evening", _("平日の夜")
        WEEKEND = "weekend", _("土曜・日曜")

    cohort = models.ForeignKey(Cohort, verbose_name=_("期"), on_delete=models.CASCADE, related_name="applications")
    course = models.ForeignKey(
        CollegeCourse, verbose_name=_("希望する分野"), on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申込者"), on_delete=models.CASCADE,
        related_name="college_applications",
    )
    motivation = models.TextField(_("受講の動機"), max_length=1000)
    availability = models.JSONField(_("受講できる時間帯"), default=list)
    consent = models.BooleanField(_("個人情報の取扱いへの同意"), default=False)
    status = models.CharField(_("状態"), max_length=16, choices=Status.choices, default=Status.APPLIED, db_index=True)
    draw_position = models.PositiveIntegerField(
        _("抽選順"), null=True, blank=True, editable=False, help_text=_("抽選で引かれた順番（1から）。")
    )
    result_mailed_at = models.DateTimeField(_("結果通知の送信日時"), null=True, blank=True, editable=False)
    promoted_at = models.DateTimeField(_("繰り上げ日時"), null=True, blank=True, editable=False)
    declined_at = models.DateTimeField(_("辞退日時"), null=True, blank=True, editable=False)
    attendance_percent = models.PositiveSmallIntegerField(_("出席率（％）"), null=True, blank=True, editable=False)
    graduated_at = models.DateTimeField(_("修了判定日時"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("申込日時"), default=timezone.now, editable=False)

    objects = CollegeApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("カレッジの受講申込")
        verbose_name_plural = _("カレッジの受講申込")
        ordering = ["course", "draw_position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="college_application_one_per_cohort"),
            models.CheckConstraint(condition=Q(consent=True), name="college_application_consent_given"),
        ]
        indexes = [models.Index(fields=["course", "status"], name="college_app_course_status_idx")]

    def __str__(self) -> str:
        return f"{self.user} / {self.course}"

    def clean(self):
        if self.course_id and self.cohort_id and self.course.cohort_id != self.cohort_id:
            raise ValidationError({"course": _("この期のコースを選んでください。")})
        if not self.consent:
            raise ValidationError({"consent": _("個人情報の取扱いに同意してください。")})

    @property
    def field_label(self) -> str:
        return ActivityField(self.course.field).label

    @property
    def reference(self) -> str:
        """受付番号 given to the applicant (K for カレッジ)."""
        return f"K-{self.pk:06d}"


class ClassAttendance(models.Model):
    """Whether an enrolled student attended one class (a kernel Session of their course)."""

    session = models.ForeignKey(
        "community.Session", verbose_name=_("授業（開催回）"), on_delete=models.CASCADE, related_name="attendances"
    )
    application = models.ForeignKey(
        CollegeApplication, verbose_name=_("受講生"), on_delete=models.CASCADE, related_name="attendances"
    )
    present = models.BooleanField(_("出席"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("記録した職員"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    recorded_at = models.DateTimeField(_("記録日時"), default=timezone.now)

    class Meta:
        verbose_name = _("出席記録")
        verbose_name_plural = _("出席記録")
        ordering = ["session__starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "application"], name="college_attendance_one_per_class"),
        ]

    def __str__(self) -> str:
        return f"{self.application.user} / {self.session}"
