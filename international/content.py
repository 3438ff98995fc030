"""Read translated content with the Japanese as the fallback, and know when we fell back."""

from dataclasses import dataclass

from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from international.models.content import LISTING_TWINS, TranslatedListingText

ORIGINAL_LANGUAGE = "ja"


@dataclass(frozen=True)
class LocalizedText:
    text: str
    lang: str  # the language the text is really in
    is_fallback: bool  # True when a translation was missing and the Japanese is shown


def localized(obj, field: str, language: str | None = None) -> LocalizedText:
    language = (language or get_language() or ORIGINAL_LANGUAGE).lower()
    listing_twin = LISTING_TWINS.get(field) if isinstance(obj, TranslatedListingText) else None
    if listing_twin:
        original = getattr(obj, field) or ""
        translated_field = listing_twin
    else:
        original = getattr(obj, build_localized_fieldname(field, ORIGINAL_LANGUAGE)) or ""
        translated_field = field
    if language == ORIGINAL_LANGUAGE:
        return LocalizedText(original, ORIGINAL_LANGUAGE, False)
    translated = getattr(obj, build_localized_fieldname(translated_field, language), "") or ""
    if translated:
        return LocalizedText(translated, language, False)
    return LocalizedText(original, ORIGINAL_LANGUAGE, bool(original))


def missing_translation(obj, fields=("title", "description"), language: str | None = None) -> bool:
    """True when any of these fields shows the Japanese because its translation is empty."""
    return any(localized(obj, field, language).is_fallback for field in fields)
