"""民生・児童委員: districts (担当地区) made of 町丁目, the staff-only roster, and messages sent through the ward.

Commissioners' names and phones live only in Commissioner, which no public view or query module reads.
The public learns a district's name and the ward's contact route (CommissionerDistrict's contact fields).
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models.demo import FictionQuerySet

__all__ = [
    "Commissioner",
    "CommissionerContact",
    "CommissionerDistrict",
    "CommissionerVacancy",
    "DistrictChome",
    "TERM_YEARS",
    "TERM_WARNING_DAYS",
]

TERM_YEARS = 3
TERM_WARNING_DAYS = 90


class CommissionerDistrictQuerySet(FictionQuerySet):
    def with_area(self):
        return self.select_related("area")

    def with_staffing(self, today=None):
        """Annotate members/chiefs: commissioners in office on `today` (counts only, never names)."""
        today = today or timezone.localdate()
        in_office = Q(commissioners__term_start__lte=today, commissioners__term_end__gte=today)
        return self.annotate(
            members=Count("commissioners", filter=in_office & Q(commissioners__is_chief_child_commissioner=False)),
            chiefs=Count("commissioners", filter=in_office & Q(commissioners__is_chief_child_commissioner=True)),
        )

    def for_chome(self, chome):
        return self.filter(coverage__chome=chome)


class CommissionerDistrict(models.Model):
    """A 担当地区: the 町丁目 one group of commissioners looks after, and how residents reach them via the ward."""

    name = models.CharField(_("地区名"), max_length=60, unique=True)
    name_kana = models.CharField(_("よみがな"), max_length=120, blank=True)
    area = models.ForeignKey(
        "community.Area", verbose_name=_("地域"), on_delete=models.PROTECT, related_name="commissioner_districts"
    )
    chomes = models.ManyToManyField(
        "community.Chome", verbose_name=_("担当する町丁目"), through="DistrictChome", related_name="+", blank=True
    )
    contact_office = models.CharField(
        _("問い合わせ窓口"), max_length=100, help_text=_("区の担当窓口の名前。委員個人の名前は入れないでください。")
    )
    contact_phone = models.CharField(
        _("窓口の電話番号"), max_length=20, help_text=_("区の窓口の番号。委員個人の電話番号は入れないでください。")
    )
    contact_hours = models.CharField(_("窓口の受付時間"), max_length=100, blank=True)
    quota = models.PositiveSmallIntegerField(
        _("定数（民生委員・児童委員）"), null=True, blank=True,
        help_text=_("この地区に置く民生委員・児童委員の人数（主任児童委員を除く）。区が定めた数を入れます。"),
    )
    chief_quota = models.PositiveSmallIntegerField(_("定数（主任児童委員）"), null=True, blank=True)

    objects = CommissionerDistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("民生・児童委員の担当地区")
        verbose_name_plural = _("民生・児童委員の担当地区")
        ordering = ["area__sort_order", "name_kana", "name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def vacancies(quota, present) -> int | None:
        """欠員: seats of the 定数 nobody fills (None while the 定数 is not entered)."""
        return None if quota is None else max(quota - present, 0)


class CommissionerVacancy(CommissionerDistrict):
    """欠員の状況: the admin's table of 定数, 現員 and 欠員 per district and area (no names)."""

    class Meta:
        proxy = True
        verbose_name = _("民生・児童委員の欠員の状況")
        verbose_name_plural = _("民生・児童委員の欠員の状況（定数・現員・欠員）")


class DistrictChome(models.Model):
    """Each 町丁目 belongs to at most one district (the database refuses a second)."""

    district = models.ForeignKey(
        CommissionerDistrict, verbose_name=_("担当地区"), on_delete=models.CASCADE, related_name="coverage"
    )
    chome = models.ForeignKey("community.Chome", verbose_name=_("町丁目"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("担当地区の町丁目")
        verbose_name_plural = _("担当地区の町丁目")
        constraints = [models.UniqueConstraint(fields=["chome"], name="district_chome_one_district")]

    def __str__(self) -> str:
        return f"{self.district} / {self.chome}"


def default_term_start() -> dt.date:
    # Nationwide re-appointment is on 1 December every three years.
    today = timezone.localdate()
    return dt.date(today.year if today.month == 12 else today.year - 1, 12, 1)


def term_end_for(start: dt.date) -> dt.date:
    """Three years less one day: 2025-12-01 → 2028-11-30."""
    try:
        return start.replace(year=start.year + TERM_YEARS) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + TERM_YEARS, day=28)


class CommissionerQuerySet(FictionQuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(term_start__lte=today, term_end__gte=today)

    def term_ending_within(self, days: int = TERM_WARNING_DAYS, today=None):
        today = today or timezone.localdate()
        return self.filter(term_end__gte=today, term_end__lte=today + dt.timedelta(days=days))

    def with_district(self):
        return self.select_related("district__area")


class Commissioner(models.Model):
    """A 民生委員・児童委員 (staff-only roster: never shown on a public page)."""

    full_name = models.CharField(_("氏名"), max_length=60)
    full_name_kana = models.CharField(_("よみがな"), max_length=120)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    district = models.ForeignKey(
        CommissionerDistrict, verbose_name=_("担当地区"), on_delete=models.PROTECT, related_name="commissioners"
    )
    is_chief_child_commissioner = models.BooleanField(_("主任児童委員"), default=False)
    term_start = models.DateField(_("任期の開始日"), default=default_term_start)
    term_end = models.DateField(_("任期の終了日"), blank=True, help_text=_("空欄なら開始日から3年後の前日になります。"))
    partner_organizations = models.ManyToManyField(
        "community.Organization",
        verbose_name=_("連携している地域の団体"),
        blank=True,
        related_name="+",
        help_text=_("町会・自治会、地域包括支援センターなど、日頃一緒に活動している団体。"),
    )
    note = models.TextField(_("職員用メモ"), blank=True)

    objects = CommissionerQuerySet.as_manager()

    class Meta:
        verbose_name = _("民生・児童委員（職員のみ閲覧）")
        verbose_name_plural = _("民生・児童委員名簿（職員のみ閲覧）")
        ordering = ["district__name_kana", "full_name_kana"]
        constraints = [
            models.CheckConstraint(condition=Q(term_end__gt=F("term_start")), name="commissioner_term_end_after_start"),
        ]
        indexes = [models.Index(fields=["term_end"], name="commissioner_term_end_idx")]

    def __str__(self) -> str:
        return self.full_name

    def clean(self):
        if self.term_start and not self.term_end:
            self.term_end = term_end_for(self.term_start)
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            raise ValidationError({"term_end": _("任期の終了日は開始日より後にしてください。")})

    def days_left(self, today=None) -> int:
        return (self.term_end - (today or timezone.localdate())).days


class CommissionerContactQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(status=CommissionerContact.Status.NEW)


class CommissionerContact(models.Model):
    """A resident's message to reach the commissioner of a district; it goes to ward staff, never to the public."""

    class Status(models.TextChoices):
        NEW = "new", _("未対応")
        FORWARDED = "forwarded", _("委員に取り次ぎ済み")
        CLOSED = "closed", _("対応済み")

    district = models.ForeignKey(
        CommissionerDistrict,
        verbose_name=_("担当地区"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    address = models.CharField(_("お住まい（町丁目まで）"), max_length=100)
    name = models.CharField(_("お名前"), max_length=60)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    message = models.TextField(_("ご相談・ご連絡の内容"), max_length=2000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("送信した利用者"), null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("対応状況"), max_length=12, choices=Status.choices, default=Status.NEW)
    staff_note = models.TextField(_("職員用メモ"), blank=True)
    created_at = models.DateTimeField(_("受付日時"), default=timezone.now)

    objects = CommissionerContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("民生・児童委員への連絡")
        verbose_name_plural = _("民生・児童委員への連絡")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""), name="commissioner_contact_has_reply_route"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.address}）"

    @property
    def reference(self) -> str:
        """受付番号 given to the resident (M for 民生・児童委員への連絡)."""
        return f"M-{self.pk:06d}"
