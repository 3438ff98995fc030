"""Per-field translations (django-modeltranslation) of the desk and the landing texts; Japanese is the fallback.

Classes and events are listings: they translate through the kernel's ListingTranslation rows
(community/models/translations.py), with their own notes named in TRANSLATED_EXTRA_FIELDS.
"""

from modeltranslation.translator import TranslationOptions, register

from international.models import ForeignResidentDesk, LandingSection
from international.models.desks import DESK_TRANSLATED_FIELDS


@register(ForeignResidentDesk)
class ForeignResidentDeskTranslation(TranslationOptions):
    fields = DESK_TRANSLATED_FIELDS


@register(LandingSection)
class LandingSectionTranslation(TranslationOptions):
    fields = ("heading", "body")
