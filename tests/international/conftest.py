"""Factories for 日本語教室, 多文化交流 and the consultation desk."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real

from community.models import PublicationStatus
from community.services.translations import translation_save
from international.models import (
    DeskLanguageDay,
    ExchangeEvent,
    ForeignResidentDesk,
    JapaneseClass,
)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """Pages are checked in English and Tagalog: compile the catalogs and forget any cached ones."""
    call_command("compile_catalogs", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None
    for cached in (trans_real.check_for_language, trans_real.get_languages, trans_real.get_supported_language_variant):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def make_class(organization, *, title="テスト日本語教室", place=None, level="beginner", learners="adults", **extra):
    return JapaneseClass.objects.create(
        organization=organization,
        title=title,
        title_kana=extra.pop("title_kana", "てすとにほんごきょうしつ"),
        place=place,
        level=level,
        learners=learners,
        status=extra.pop("status", PublicationStatus.PUBLISHED),
        **extra,
    )


def make_event(organization, *, title="テスト交流会", place=None, category="meetup", **extra):
    return ExchangeEvent.objects.create(
        organization=organization,
        title=title,
        title_kana=extra.pop("title_kana", "てすとこうりゅうかい"),
        place=place,
        category=category,
        status=extra.pop("status", PublicationStatus.PUBLISHED),
        **extra,
    )


def translate(listing, **fields):
    """The kernel's translation rows for a listing: translate(listing, title_en="…", description_tl="…")."""
    by_language: dict[str, dict[str, str]] = {}
    for key, value in fields.items():
        name, _sep, suffix = key.rpartition("_") if not key.endswith("zh_hans") else (key[:-8], "_", "zh_hans")
        by_language.setdefault(suffix.replace("_", "-"), {})[name] = value
    for language, texts in by_language.items():
        translation_save(obj=listing, language=language, texts=texts)


def make_desk(**extra):
    fields = {
        "name_ja": "練馬区 外国語相談",
        "hours_text_ja": "平日13:00〜17:00",
        "phone": "03-3993-1111",
        "helps_childcare": True,
        "helps_social_security": True,
        "helps_daily_life": True,
        **extra,
    }
    desk = ForeignResidentDesk.objects.create(**fields)
    days = [("en", d) for d in range(5)] + [("zh-hans", d) for d in range(5)] + [("ko", 4), ("tl", 0)]
    DeskLanguageDay.objects.bulk_create(
        DeskLanguageDay(desk=desk, language=lang, weekday=day, start_time=dt.time(13), end_time=dt.time(17))
        for lang, day in days
    )
    return desk


@pytest.fixture
def desk(db):
    return make_desk(name_en="Nerima Foreign Language Consultation", name_tl="Konsultasyon sa Wikang Banyaga")


def bulk_create_listings(model, organization, count, *, place=None, **child_fields):
    """Many published rows of a Listing subclass fast: Django refuses bulk_create for multi-table
    inheritance, so the parent rows are bulk-created and the child rows inserted in one statement."""
    from community.models import Listing

    listings = Listing.objects.bulk_create(
        Listing(
            organization=organization,
            title=f"{model._meta.verbose_name}{n}",
            title_kana=f"てすと{n:04d}",
            place=place,
            status=PublicationStatus.PUBLISHED,
            kind=model._meta.label_lower,
        )
        for n in range(count)
    )
    children = []
    for listing in listings:
        child = model(listing_ptr_id=listing.pk, **child_fields)
        child.__dict__.update({f.attname: getattr(listing, f.attname) for f in Listing._meta.concrete_fields})
        children.append(child)
    model.objects._insert(children, fields=model._meta.local_concrete_fields)
