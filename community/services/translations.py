"""Write a listing's or an organization's texts in another language (admin, マイ団体, demo data)."""

from django.db import transaction

from community.i18n.languages import translation_language_codes
from community.models import Listing, Organization
from community.models.translations import ListingTranslation, OrganizationTranslation


def translatable_fields(obj) -> tuple[str, ...]:
    """The texts of obj that can be written in another language, shared ones first."""
    if isinstance(obj, Listing) or (isinstance(obj, type) and issubclass(obj, Listing)):
        return (*ListingTranslation.TEXT_FIELDS, *obj.TRANSLATED_EXTRA_FIELDS)
    return OrganizationTranslation.TEXT_FIELDS


def _row_for(obj, language: str):
    if isinstance(obj, Listing):
        return ListingTranslation.objects.filter(listing_id=obj.pk, language=language).first() or ListingTranslation(
            listing_id=obj.pk, language=language
        )
    if isinstance(obj, Organization):
        return OrganizationTranslation.objects.filter(
            organization_id=obj.pk, language=language
        ).first() or OrganizationTranslation(organization_id=obj.pk, language=language)
    raise TypeError(f"{type(obj).__name__} has no translation rows")


@transaction.atomic
def translation_save(*, obj, language: str, texts: dict[str, str]):
    """Set obj's texts in `language`; fields not given keep their value. All empty: the row goes (None)."""
    if language not in translation_language_codes():
        raise ValueError(f"not a translation language: {language}")
    row = _row_for(obj, language)
    allowed = translatable_fields(obj)
    extra = dict(getattr(row, "extra", None) or {})
    for field, text in texts.items():
        if field not in allowed:
            raise ValueError(f"{type(obj).__name__} cannot translate {field}")
        text = (text or "").strip()
        if field in row.TEXT_FIELDS:
            setattr(row, field, text)
        elif text:
            extra[field] = text
        else:
            extra.pop(field, None)
    if hasattr(row, "extra"):
        row.extra = extra
    # Whatever was cached on obj is stale now.
    obj.__dict__.pop("_translations_by_language", None)
    if row.is_empty():
        if row.pk:
            row.delete()
        return None
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def translations_save(*, obj, texts_by_language: dict[str, dict[str, str]]) -> None:
    """Every language's texts of obj at once (the マイ団体 and admin forms), all or nothing."""
    for language, texts in texts_by_language.items():
        translation_save(obj=obj, language=language, texts=texts)
