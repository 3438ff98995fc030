"""多文化交流: culture lectures and ねりまワールドフェスティバル, open to Japanese and foreign residents alike."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.models import Listing
from community.models.listings import ListingQuerySet
from international.models.languages import language_labels


class ExchangeEventQuerySet(ListingQuerySet):
    def for_page(self):
        """What an event card shows: its place, next session and whether the demo made it up."""
        return self.published().with_place().with_next_session().with_fiction()

    def upcoming_first(self):
        """Events with a coming session first, soonest first; the rest after, by reading."""
        return self.order_by(models.F("next_session_at").asc(nulls_last=True), "title_kana", "pk")


class ExchangeEvent(Listing):
    TRANSLATED_EXTRA_FIELDS = ("welcome_note",)

    class Category(models.TextChoices):
        LECTURE = "lecture", _("文化講座")
        FESTIVAL = "festival", _("フェスティバル")
        MEETUP = "meetup", _("交流会")

    category = models.CharField(_("種類"), max_length=10, choices=Category.choices, db_index=True)
    languages = models.JSONField(
        _("使う言語"), default=list, blank=True, help_text=_("日本語のほかに、会場で使う言語や通訳のある言語。")
    )
    welcome_note = models.CharField(
        _("参加される方へ"), max_length=200, blank=True, help_text=_("例: 日本人の方も外国人の方も歓迎します。")
    )

    objects = ExchangeEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("多文化交流の催し")
        verbose_name_plural = _("多文化交流の催し")

    def get_absolute_url(self) -> str:
        return reverse("international:event_detail", args=[self.pk])

    @property
    def language_labels(self) -> list[str]:
        return language_labels(self.languages or [])
