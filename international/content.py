"""Read translated content with the Japanese as the fallback, and know when we fell back."""

from dataclasses import dataclass

from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from community.models import Listing

ORIGINAL_LANGUAGE = "ja"


@dataclass(frozen=True)
class LocalizedText:
    text: str
    lang: str  # the language the text is really in
    is_fallback: bool  # True when a translation was missing and the Japanese is shown


def _translation_holder(obj):
    """Listings keep translations in ListingText; our other models carry them as their own columns."""
    if isinstance(obj, Listing):
        try:
            return obj.translated_text
        except Listing.translated_text.RelatedObjectDoesNotExist:
            return None
    return obj


def localized(obj, field: str, language: str | None = None) -> LocalizedText:
    language = (language or get_language() or ORIGINAL_LANGUAGE).lower()
    holder = _translation_holder(obj)
    if isinstance(obj, Listing):
        original = getattr(obj, field, "") or ""
    else:
        original = getattr(obj, build_localized_fieldname(field, ORIGINAL_LANGUAGE)) or ""
    if language == ORIGINAL_LANGUAGE:
        return LocalizedText(original, ORIGINAL_LANGUAGE, False)
    translated = getattr(holder, build_localized_fieldname(field, language), "") if holder is not None else ""
    if translated:
        return LocalizedText(translated, language, False)
    return LocalizedText(original, ORIGINAL_LANGUAGE, bool(original))


def missing_translation(obj, fields=("title", "description"), language: str | None = None) -> bool:
    """True when any of these fields shows the Japanese because its translation is empty."""
    return any(localized(obj, field, language).is_fallback for field in fields)
