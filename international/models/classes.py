"""日本語教室: the ward's courses and volunteer-run classes; each term or lesson is a kernel Session."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing
from community.models.listings import ListingQuerySet
from international.models.languages import SupportLanguage, language_labels


class JapaneseClassQuerySet(ListingQuerySet):
    def for_learners(self, learners: str):
        """Classes open to adults (or children); 「大人も子どもも」 classes match both."""
        return self.filter(learners__in=[learners, JapaneseClass.Learners.ALL])

    def on_weekday(self, weekday: int):
        """Classes with an upcoming session on this weekday (0 = Monday, local time)."""
        # Django's week_day lookup counts 1 = Sunday … 7 = Saturday.
        django_week_day = (weekday + 1) % 7 + 1
        return self.filter(
            sessions__starts_at__gte=timezone.now(),
            sessions__is_cancelled=False,
            sessions__starts_at__week_day=django_week_day,
        ).distinct()

    def for_finder(self):
        """What a class card shows: its place, next session and whether the demo made it up."""
        return self.published().with_place().with_next_session().with_fiction().by_reading()


class JapaneseClass(Listing):
    TRANSLATED_EXTRA_FIELDS = ("schedule_note", "childcare_note")

    class Level(models.TextChoices):
        INTRO = "intro", _("入門")
        BEGINNER = "beginner", _("初級")
        PRE_INTERMEDIATE = "pre_intermediate", _("初中級")
        INTERMEDIATE = "intermediate", _("中級")
        ADVANCED = "advanced", _("上級")
        ANY = "any", _("どのレベルでも")

    class Learners(models.TextChoices):
        ADULTS = "adults", _("大人")
        CHILDREN = "children", _("子ども")
        ALL = "all", _("大人も子どもも")

    class RunBy(models.TextChoices):
        WARD = "ward", _("区の講座")
        VOLUNTEER = "volunteer", _("ボランティアの教室")

    level = models.CharField(_("レベル"), max_length=20, choices=Level.choices, db_index=True)
    learners = models.CharField(_("対象の年代"), max_length=10, choices=Learners.choices, db_index=True)
    run_by = models.CharField(_("運営の形"), max_length=10, choices=RunBy.choices, default=RunBy.VOLUNTEER)
    schedule_note = models.CharField(
        _("日時の説明"), max_length=200, blank=True, help_text=_("例: 4か月1クール・週2回・全30回、4月と9月開始")
    )
    has_childcare = models.BooleanField(_("保育あり"), default=False)
    childcare_note = models.CharField(_("保育について"), max_length=200, blank=True)
    teacher_languages = models.JSONField(
        _("講師が話せる言語"), default=list, blank=True, help_text=_("日本語のほかに講師が話せる言語。")
    )

    objects = JapaneseClassQuerySet.as_manager()

    class Meta:
        verbose_name = _("日本語教室")
        verbose_name_plural = _("日本語教室")

    def get_absolute_url(self) -> str:
        return reverse("international:class_detail", args=[self.pk])

    def clean(self):
        super().clean()
        unknown = [code for code in self.teacher_languages or [] if code not in SupportLanguage.values]
        if unknown:
            raise ValidationError({"teacher_languages": _("選べない言語が含まれています。")})
        if self.childcare_note and not self.has_childcare:
            raise ValidationError({"childcare_note": _("保育について書くときは「保育あり」にしてください。")})

    @property
    def teacher_language_labels(self) -> list[str]:
        return language_labels(self.teacher_languages or [])
