"""The site-wide search index: folded text of every listing and organization (see nerima_portal/search/).

The index lives here, not in community's tables, so that no app's save path changes: a row remembers the
`updated_at` of what it was built from, and the search refreshes rows whose source has changed since.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingSearchText(models.Model):
    listing = models.OneToOneField(
        "community.Listing",
        verbose_name=_("掲載"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    title_text = models.TextField(_("名称とよみがな（検索用）"))
    text = models.TextField(_("検索用の文字列"))
    listing_updated_at = models.DateTimeField(_("元にした掲載の更新日時"))
    organization_updated_at = models.DateTimeField(_("元にした団体の更新日時"))

    class Meta:
        verbose_name = _("掲載の検索用データ")
        verbose_name_plural = _("掲載の検索用データ")

    def __str__(self) -> str:
        return self.title_text


class OrganizationSearchText(models.Model):
    organization = models.OneToOneField(
        "community.Organization",
        verbose_name=_("団体"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    title_text = models.TextField(_("団体名とよみがな（検索用）"))
    text = models.TextField(_("検索用の文字列"))
    organization_updated_at = models.DateTimeField(_("元にした団体の更新日時"))

    class Meta:
        verbose_name = _("団体の検索用データ")
        verbose_name_plural = _("団体の検索用データ")

    def __str__(self) -> str:
        return self.title_text


class SearchSynonym(models.Model):
    """Words residents use for the same thing (こども・子ども・子供): a search for one finds the others."""

    words = models.CharField(
        _("同じ意味のことば"), max_length=200,
        help_text=_("スペースか「、」で区切って入力します。例: こども 子ども 子供"),
    )
    note = models.CharField(_("メモ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("検索の言いかえ")
        verbose_name_plural = _("検索の言いかえ")
        ordering = ["words"]

    def __str__(self) -> str:
        return self.words

    def word_list(self) -> list[str]:
        return [word for word in self.words.replace("、", " ").replace(",", " ").split() if word]
