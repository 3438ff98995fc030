"""Per-field translations (django-modeltranslation): Japanese is the original and the fallback.

Only this app's models are registered here; translating other apps' content needs columns in their
migrations, so their owners register them (see the issue note). Listing subclasses translate their
`<field>_i18n` twins (international/models/content.py), since Listing's own columns are not ours.
"""

from modeltranslation.translator import TranslationOptions, register

from international.models import ExchangeEvent, ForeignResidentDesk, JapaneseClass, LandingSection
from international.models.content import LISTING_TWINS


@register(JapaneseClass)
class JapaneseClassTranslation(TranslationOptions):
    fields = (*LISTING_TWINS.values(), "schedule_note", "childcare_note")


@register(ExchangeEvent)
class ExchangeEventTranslation(TranslationOptions):
    fields = (*LISTING_TWINS.values(), "welcome_note")


@register(ForeignResidentDesk)
class ForeignResidentDeskTranslation(TranslationOptions):
    fields = ("name", "description", "location_note", "hours_text", "how_to_reach")


@register(LandingSection)
class LandingSectionTranslation(TranslationOptions):
    fields = ("heading", "body")
