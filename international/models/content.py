"""Translated text for our Listing subclasses (日本語教室, 多文化交流).

A Listing's title and description are columns of community's table, and simple-history copies every
column of a Listing subclass into its history table when the class is built, before
django-modeltranslation adds its per-language columns. So the translations live in this one-to-one
model, which modeltranslation extends (`title_en`, `title_zh_hans`, …). The Japanese original stays in
the Listing's own fields; the `_ja` columns here are unused and hidden in admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Which texts of a listing can be translated (Listing fields and our subclasses' own notes).
TRANSLATABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "audience",
    "fee_text",
    "schedule_note",
    "childcare_note",
    "welcome_note",
)


class ListingText(models.Model):
    listing = models.OneToOneField(
        "community.Listing",
        verbose_name=_("掲載"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="translated_text",
    )
    title = models.CharField(_("名称"), max_length=120, blank=True)
    summary = models.CharField(_("ひとことで"), max_length=200, blank=True)
    description = models.TextField(_("内容"), blank=True)
    audience = models.CharField(_("対象"), max_length=200, blank=True)
    fee_text = models.CharField(_("参加費"), max_length=100, blank=True)
    schedule_note = models.CharField(_("日時の説明"), max_length=200, blank=True)
    childcare_note = models.CharField(_("保育について"), max_length=200, blank=True)
    welcome_note = models.CharField(_("参加される方へ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("掲載の翻訳")
        verbose_name_plural = _("掲載の翻訳")

    def __str__(self) -> str:
        return str(self.listing)
