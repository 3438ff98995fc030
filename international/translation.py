"""Per-field translations (django-modeltranslation): Japanese is the original and the fallback.

Only this app's models are registered here; translating other apps' models needs columns in their
migrations, so their owners register them (see the issue note). Listings translate through
ListingText (international/models/content.py).
"""

from modeltranslation.translator import TranslationOptions, register

from international.models import ForeignResidentDesk, LandingSection, ListingText
from international.models.content import TRANSLATABLE_FIELDS
from international.models.desks import DESK_TRANSLATED_FIELDS


@register(ListingText)
class ListingTextTranslation(TranslationOptions):
    fields = TRANSLATABLE_FIELDS


@register(ForeignResidentDesk)
class ForeignResidentDeskTranslation(TranslationOptions):
    fields = DESK_TRANSLATED_FIELDS


@register(LandingSection)
class LandingSectionTranslation(TranslationOptions):
    fields = ("heading", "body")
