"""ListingText's translations move to the kernel's ListingTranslation rows, then ListingText goes.

The kernel owns a new table instead of taking over ours (no SeparateDatabaseAndState): the kernel's migrations
never depend on an initiative app, and this app moves its own data down into the kernel before dropping the
old table (docs/languages.md).
"""

from django.db import migrations

SHARED = ("title", "summary", "description", "audience", "fee_text")
OWN = ("schedule_note", "childcare_note", "welcome_note")
LANGUAGES = {"en": "en", "zh_hans": "zh-hans", "ko": "ko", "tl": "tl"}


def copy_to_kernel(apps, schema_editor):
    ListingText = apps.get_model("international", "ListingText")
    ListingTranslation = apps.get_model("community", "ListingTranslation")
    rows = []
    for text in ListingText.objects.all().iterator():
        for suffix, language in LANGUAGES.items():
            shared = {name: getattr(text, f"{name}_{suffix}") or "" for name in SHARED}
            extra = {name: value for name in OWN if (value := getattr(text, f"{name}_{suffix}") or "")}
            if any(shared.values()) or extra:
                rows.append(ListingTranslation(listing_id=text.listing_id, language=language, extra=extra, **shared))
    ListingTranslation.objects.bulk_create(rows, ignore_conflicts=True)


def copy_back(apps, schema_editor):
    ListingText = apps.get_model("international", "ListingText")
    ListingTranslation = apps.get_model("community", "ListingTranslation")
    suffixes = {language: suffix for suffix, language in LANGUAGES.items()}
    for row in ListingTranslation.objects.filter(language__in=suffixes).iterator():
        text, _created = ListingText.objects.get_or_create(listing_id=row.listing_id)
        suffix = suffixes[row.language]
        for name in SHARED:
            setattr(text, f"{name}_{suffix}", getattr(row, name))
        for name in OWN:
            setattr(text, f"{name}_{suffix}", (row.extra or {}).get(name, ""))
        text.save()


class Migration(migrations.Migration):

    dependencies = [
        ("international", "0001_japanese_classes_desks_events"),
        ("community", "0009_listing_and_organization_translations"),
    ]

    operations = [
        migrations.RunPython(copy_to_kernel, copy_back),
        migrations.DeleteModel(name="ListingText"),
    ]
