"""Translated text for our Listing subclasses.

A Listing's title, summary and description are columns of community's table, which we may not
extend; so each subclass carries its own `<field>_i18n` columns, and django-modeltranslation adds
one per language (`title_i18n_en`, …). The Japanese original stays in the Listing field; the
`_ja` translation column is unused and hidden in admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Listing field → our translated twin.
LISTING_TWINS = {
    "title": "title_i18n",
    "summary": "summary_i18n",
    "description": "description_i18n",
    "audience": "audience_i18n",
    "fee_text": "fee_text_i18n",
}


class TranslatedListingText(models.Model):
    title_i18n = models.CharField(_("名称（翻訳）"), max_length=120, blank=True)
    summary_i18n = models.CharField(_("ひとことで（翻訳）"), max_length=200, blank=True)
    description_i18n = models.TextField(_("内容（翻訳）"), blank=True)
    audience_i18n = models.CharField(_("対象（翻訳）"), max_length=200, blank=True)
    fee_text_i18n = models.CharField(_("参加費（翻訳）"), max_length=100, blank=True)

    class Meta:
        abstract = True
