"""翻訳: a listing's or an organization's texts in one other language, one row per language.

The Japanese original stays in the object's own fields. A row holds what its organization or the ward wrote
in English, 中文, 한국어, Tagalog or やさしい日本語; an empty field means "not translated", and the page then
shows the Japanese inside lang="ja" with the notice 「この内容は日本語のみです」 (community.i18n.content).
Rows rather than a column per language: a sixth language needed no migration, and the admin and マイ団体
show one box per language naturally.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from community.i18n.languages import translation_languages


class TranslationBase(models.Model):
    language = models.CharField(_("言語"), max_length=12, choices=translation_languages)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        abstract = True

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.TEXT_FIELDS) and not any(
            (getattr(self, "extra", None) or {}).values()
        )


class ListingTranslation(TranslationBase):
    """The shared fields of every listing as columns; a listing kind's own fields (e.g. 日時の説明) in `extra`."""

    TEXT_FIELDS = ("title", "summary", "description", "audience", "fee_text")

    listing = models.ForeignKey(
        "community.Listing", verbose_name=_("掲載"), on_delete=models.CASCADE, related_name="translations"
    )
    title = models.CharField(_("名称"), max_length=120, blank=True)
    summary = models.CharField(_("ひとことで"), max_length=200, blank=True)
    description = models.TextField(_("内容"), blank=True)
    audience = models.CharField(_("対象"), max_length=200, blank=True)
    fee_text = models.CharField(_("参加費"), max_length=100, blank=True)
    extra = models.JSONField(_("この種類の掲載に固有の項目"), default=dict, blank=True)

    class Meta:
        verbose_name = _("掲載の翻訳")
        verbose_name_plural = _("掲載の翻訳")
        ordering = ["listing", "language"]
        constraints = [
            models.UniqueConstraint(fields=["listing", "language"], name="listing_translation_unique_language"),
        ]

    def __str__(self) -> str:
        return f"{self.listing} ({self.get_language_display()})"


class OrganizationTranslation(TranslationBase):
    TEXT_FIELDS = ("name", "description")

    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("団体"), on_delete=models.CASCADE, related_name="translations"
    )
    name = models.CharField(_("団体名"), max_length=100, blank=True)
    description = models.TextField(_("団体の紹介"), blank=True)

    class Meta:
        verbose_name = _("団体の翻訳")
        verbose_name_plural = _("団体の翻訳")
        ordering = ["organization", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "language"], name="organization_translation_unique_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_language_display()})"
