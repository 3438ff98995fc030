"""外国人相談窓口: which language on which weekday, what the desk helps with, and how to reach it.

Staff keep the desk current in admin; the 相談先さがし finder (hiroba) reads it through
international.queries.consultation_desks().
"""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from community.models.schedules import Weekday
from international.models.languages import LOCAL_NAMES, SupportLanguage


class DeskTopic(models.TextChoices):
    CHILDCARE = "childcare", _("子育て支援")
    SOCIAL_SECURITY = "social_security", _("社会保障")
    DAILY_LIFE = "daily_life", _("生活全般")


DESK_TRANSLATED_FIELDS = ("name", "description", "location_note", "hours_text", "how_to_reach")
LANGUAGE_SUFFIXES = ("ja", "en", "zh_hans", "ko", "tl")

# Each topic is a boolean column so the finder can filter on it with a plain index-friendly WHERE.
TOPIC_FIELDS = {
    DeskTopic.CHILDCARE: "helps_childcare",
    DeskTopic.SOCIAL_SECURITY: "helps_social_security",
    DeskTopic.DAILY_LIFE: "helps_daily_life",
}


class ForeignResidentDeskQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_language_days(self):
        return self.select_related("place__chome__town__area", "organization").prefetch_related(
            Prefetch("language_days", queryset=DeskLanguageDay.objects.order_by("weekday", "start_time", "language"))
        )

    def speaking(self, language: str):
        return self.filter(language_days__language=language).distinct()

    def open_on(self, weekday: int):
        return self.filter(language_days__weekday=weekday).distinct()

    def helping_with(self, topic: str):
        return self.filter(**{TOPIC_FIELDS[DeskTopic(topic)]: True})


class ForeignResidentDesk(models.Model):
    name = models.CharField(_("窓口名"), max_length=100)
    organization = models.ForeignKey(
        "community.Organization",
        verbose_name=_("運営"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="foreign_resident_desks",
    )
    description = models.TextField(_("窓口の紹介"), blank=True)
    place = models.ForeignKey(
        "community.Place",
        verbose_name=_("場所"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("来所できる場所。電話だけの窓口は空欄にします。"),
    )
    location_note = models.CharField(_("場所の補足"), max_length=200, blank=True)
    hours_text = models.CharField(
        _("受付時間"), max_length=200, help_text=_("例: 平日13:00〜17:00（祝日・年末年始を除く）")
    )
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    how_to_reach = models.TextField(
        _("相談のしかた"), blank=True, help_text=_("電話・来所・メールなど、相談の始め方を書きます。")
    )
    helps_childcare = models.BooleanField(_("子育て支援の相談"), default=False)
    helps_social_security = models.BooleanField(_("社会保障の相談"), default=False)
    helps_daily_life = models.BooleanField(_("生活全般の相談"), default=True)
    is_active = models.BooleanField(_("公開する"), default=True)
    checked_on = models.DateField(_("情報を確認した日"), null=True, blank=True)
    source_url = models.URLField(_("情報の出典"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    # The per-language columns are added by modeltranslation after simple-history built its table: keep them out.
    history = HistoricalRecords(
        verbose_name=_("窓口の変更履歴"),
        excluded_fields=[f"{field}_{lang}" for field in DESK_TRANSLATED_FIELDS for lang in LANGUAGE_SUFFIXES],
    )

    objects = ForeignResidentDeskQuerySet.as_manager()

    class Meta:
        verbose_name = _("外国人相談窓口")
        verbose_name_plural = _("外国人相談窓口")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("international:desk_detail", args=[self.pk])

    @property
    def topics(self) -> list[DeskTopic]:
        return [topic for topic, field in TOPIC_FIELDS.items() if getattr(self, field)]

    @property
    def languages(self) -> list[str]:
        """Language codes this desk offers, in the order of the choices (uses prefetched days)."""
        offered = {day.language for day in self.language_days.all()}
        return [code for code in SupportLanguage.values if code in offered]

    def days_by_language(self) -> list[dict]:
        """[{code, label, local_name, days: [DeskLanguageDay…]}] for the 「どの言語が何曜日」 table."""
        rows: dict[str, list] = {}
        for day in self.language_days.all():
            rows.setdefault(day.language, []).append(day)
        return [
            {
                "code": code,
                "label": SupportLanguage(code).label,
                "local_name": LOCAL_NAMES.get(code, ""),
                "days": rows[code],
            }
            for code in SupportLanguage.values
            if code in rows
        ]


class DeskLanguageDay(models.Model):
    desk = models.ForeignKey(
        ForeignResidentDesk, verbose_name=_("窓口"), on_delete=models.CASCADE, related_name="language_days"
    )
    language = models.CharField(_("言語"), max_length=10, choices=SupportLanguage.choices)
    weekday = models.PositiveSmallIntegerField(_("曜日"), choices=Weekday.choices)
    start_time = models.TimeField(_("開始時刻"))
    end_time = models.TimeField(_("終了時刻"))

    class Meta:
        verbose_name = _("言語の対応日")
        verbose_name_plural = _("言語の対応日")
        ordering = ["weekday", "start_time", "language"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "language", "weekday"], name="desk_language_day_unique"),
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="desk_day_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def times(self) -> str:
        return f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"
