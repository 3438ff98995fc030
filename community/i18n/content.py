"""Content in the reader's language, with the Japanese original as the marked fallback.

`localized(obj, "title")` answers what to show and whether it is the Japanese standing in for a missing
translation. Three kinds of objects:
- listings and organizations: their rows in community.models.translations (one per language);
- models registered with django-modeltranslation (areas, categories, desks…): their `<field>_<lang>` columns;
- anything else: not translatable yet, so in another language it is always the Japanese fallback.

Lists must not fetch one translation per row: the kernel's QuerySets (listings of every kind, organizations,
sessions, sign-ups) mix in TranslatedQuerySetMixin, which loads the rows of the reader's language for every
listing and organization a query returned, including those reached through select_related, in one query per
kind. On Japanese pages it does nothing, so Japanese pages cost what they always did.
"""

from dataclasses import dataclass

from django.db.models.query import ModelIterable
from django.utils.translation import get_language

from community.i18n.languages import ORIGINAL, is_japanese

CACHE_ATTR = "_translations_by_language"
# How deep attach_translations follows select_related objects (session → listing → organization).
RELATED_DEPTH = 3


@dataclass(frozen=True)
class LocalizedText:
    text: str
    lang: str  # the language the text is really in
    is_fallback: bool  # True when a translation was missing and the Japanese is shown instead


def _row_models():
    """{translatable base model: (translation model, name of its foreign key)}."""
    from community.models import Listing, Organization
    from community.models.translations import ListingTranslation, OrganizationTranslation

    return {Listing: (ListingTranslation, "listing"), Organization: (OrganizationTranslation, "organization")}


def _base_of(obj):
    for base in _row_models():
        if isinstance(obj, base):
            return base
    return None


def _modeltranslation_fields(obj) -> tuple[str, ...]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return tuple(translator.get_options_for_model(type(obj)).all_fields)
    except NotRegistered:
        return ()


def translation_row(obj, language: str):
    """The translation row of a listing or organization in `language` (None if there is none); cached on obj."""
    cache = obj.__dict__.setdefault(CACHE_ATTR, {})
    if language not in cache:
        model, fk = _row_models()[_base_of(obj)]
        cache[language] = model.objects.filter(**{f"{fk}_id": obj.pk}, language=language).first()
    return cache[language]


def original_text(obj, field: str) -> str:
    if field in _modeltranslation_fields(obj):
        from modeltranslation.utils import build_localized_fieldname

        return getattr(obj, build_localized_fieldname(field, ORIGINAL), "") or ""
    return getattr(obj, field, "") or ""


def translated_text(obj, field: str, language: str) -> str:
    """What was written for `field` in `language`, or "" when nobody translated it."""
    if _base_of(obj) is not None:
        row = translation_row(obj, language) if obj.pk else None
        if row is None:
            return ""
        if field in row.TEXT_FIELDS:
            return getattr(row, field) or ""
        return (row.extra or {}).get(field, "") or ""
    if field in _modeltranslation_fields(obj):
        from modeltranslation.utils import build_localized_fieldname

        return getattr(obj, build_localized_fieldname(field, language), "") or ""
    return ""


def localized(obj, field: str, language: str | None = None) -> LocalizedText:
    language = (language or get_language() or ORIGINAL).lower()
    original = str(original_text(obj, field))
    if language == ORIGINAL or not original:
        return LocalizedText(original, ORIGINAL, False)
    translated = translated_text(obj, field, language)
    if translated:
        return LocalizedText(translated, language, False)
    # やさしい日本語 readers read the original Japanese (with ふりがな); nothing to mark for them.
    return LocalizedText(original, ORIGINAL, not is_japanese(language))


def missing_translation(obj, fields=("title", "description"), language: str | None = None) -> bool:
    """True when any of these fields shows the Japanese because its translation is empty."""
    return any(localized(obj, field, language).is_fallback for field in fields)


def _collect(objects, found: dict, depth: int) -> None:
    for obj in objects:
        if obj is None or not hasattr(obj, "_state"):
            continue
        base = _base_of(obj)
        if base is not None and obj.pk is not None:
            found.setdefault(base, {}).setdefault(obj.pk, []).append(obj)
        if depth:
            _collect(obj._state.fields_cache.values(), found, depth - 1)


def attach_translations(objects, language: str | None = None) -> None:
    """Load the translation rows of `language` for these objects and their select_related ones, one query a kind."""
    language = (language or get_language() or ORIGINAL).lower()
    if language == ORIGINAL:
        return
    found: dict = {}
    _collect(objects, found, RELATED_DEPTH)
    models = _row_models()
    for base, by_pk in found.items():
        model, fk = models[base]
        rows = {getattr(row, f"{fk}_id"): row for row in model.objects.filter(**{f"{fk}_id__in": list(by_pk)}, language=language)}
        for pk, instances in by_pk.items():
            for instance in instances:
                instance.__dict__.setdefault(CACHE_ATTR, {})[language] = rows.get(pk)


class TranslatedQuerySetMixin:
    """Fetched model instances arrive with their translations in the reader's language (one query per kind)."""

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._iterable_class is ModelIterable and self._result_cache:
            language = get_language()
            if language and language.lower() != ORIGINAL:
                attach_translations(self._result_cache, language)
