"""Demo 外国人の方へ: classes for adults and children across the areas, the desks' language days, exchange
events in the coming months and the landing texts, all in five languages. Running it twice changes nothing."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from community.demo_fiction import mark_fictional, unmark_fictional
from community.models import Area, Organization, Place, PublicationStatus, RecurringSchedule, Session
from community.services.schedules import schedule_generate_sessions
from community.services.translations import translation_save
from international.demo.content import CLASSES, DEMO_DAYS_NOTE, DESKS, EVENTS, LANDING_SECTIONS, ORGANIZATIONS
from international.models import (
    DeskLanguageDay,
    ExchangeEvent,
    ForeignResidentDesk,
    JapaneseClass,
    LandingSection,
)
from international.models.desks import TOPIC_FIELDS

TRANSLATED = ("en", "zh_hans", "ko", "tl")
ALL_LANGUAGES = ("ja", *TRANSLATED)


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _per_language(field: str, values: dict) -> dict:
    """{"ja": …, "en": …} → {"field_ja": …, "field_en": …} (the Japanese also in the original column)."""
    if not values:
        return {}
    result = {f"{field}_{lang}": values.get(lang, "") for lang in ALL_LANGUAGES}
    result[field] = values.get("ja", "")
    return result


def _listing_texts(text: dict, with_audience: bool) -> tuple[dict, dict]:
    """(the Japanese for the Listing's own columns, each translation for ListingText's columns)."""
    names = ["title", "summary", "description"] + (["audience"] if with_audience else [])
    japanese = {name: text["ja"][i] for i, name in enumerate(names)}
    translated = {f"{name}_{lang}": text[lang][i] for lang in TRANSLATED for i, name in enumerate(names)}
    return japanese, translated


def _translations(field: str, values: dict) -> dict:
    return {f"{field}_{lang}": values[lang] for lang in TRANSLATED if values.get(lang)}


def _save_texts(listing, translated: dict) -> None:
    """{"title_en": …, "fee_text_zh_hans": …} → one kernel translation row per language."""
    by_language: dict[str, dict[str, str]] = {}
    for key, text in translated.items():
        lang = next(lang for lang in TRANSLATED if key.endswith(f"_{lang}"))
        by_language.setdefault(lang.replace("_", "-"), {})[key.removesuffix(f"_{lang}")] = text
    for language, texts in by_language.items():
        translation_save(obj=listing, language=language, texts=texts)


def _place(name: str | None) -> Place | None:
    return Place.objects.filter(name=name).first() if name else None


def _organizations() -> dict[str, Organization]:
    areas = {area.slug: area for area in Area.objects.all()}
    for name, kana, kind, area, fictional in ORGANIZATIONS:
        organization, _created = Organization.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana,
                "kind": kind,
                "area": areas.get(area),
                "status": PublicationStatus.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        if fictional:
            mark_fictional(organization)
    return {org.name: org for org in Organization.objects.all()}


def _classes(organizations) -> None:
    today = timezone.localdate()
    for row in CLASSES:
        japanese, translated = _listing_texts(row["text"], with_audience=True)
        if not row["fictional"]:
            # Real classes whose weekdays the sources do not give: say the days are demo values.
            japanese["description"] += "\n" + DEMO_DAYS_NOTE["ja"]
            for lang in TRANSLATED:
                if translated[f"description_{lang}"]:
                    translated[f"description_{lang}"] += "\n" + DEMO_DAYS_NOTE[lang]
        japanese_class, _created = JapaneseClass.objects.get_or_create(
            title=row["title"],
            defaults={
                **japanese,
                "title_kana": row["title_kana"],
                "organization": organizations[row["organization"]],
                "place": _place(row["place"]),
                "level": row["level"],
                "learners": row["learners"],
                "run_by": row["run_by"],
                "has_childcare": row["has_childcare"],
                "teacher_languages": row["teacher_languages"],
                "fee_text": row["fee"]["ja"],
                "schedule_note": row["schedule_note"].get("ja", ""),
                "childcare_note": row.get("childcare_note", {}).get("ja", ""),
                "status": PublicationStatus.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        if row["fictional"]:
            mark_fictional(japanese_class)
        _save_texts(
            japanese_class,
            {
                **translated,
                **_translations("fee_text", row["fee"]),
                **_translations("schedule_note", row["schedule_note"]),
                **_translations("childcare_note", row.get("childcare_note", {})),
            },
        )
        for weekday, start, end in row["schedule"]:
            schedule, _created = RecurringSchedule.objects.get_or_create(
                listing=japanese_class,
                weekday=weekday,
                start_time=_time(start),
                defaults={
                    "end_time": _time(end),
                    "valid_from": today,
                    "capacity": row["capacity"],
                    "signup_required": True,
                    "place": japanese_class.place,
                },
            )
            schedule_generate_sessions(schedule=schedule)


def _events(organizations) -> None:
    for row in EVENTS:
        japanese, translated = _listing_texts(row["text"], with_audience=False)
        event, _created = ExchangeEvent.objects.get_or_create(
            title=row["title"],
            defaults={
                **japanese,
                "title_kana": row["title_kana"],
                "organization": organizations[row["organization"]],
                "place": _place(row["place"]),
                "category": row["category"],
                "languages": row["languages"],
                "fee_text": row["fee"]["ja"],
                "status": PublicationStatus.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        if row["fictional"]:
            mark_fictional(event)
        _save_texts(event, {**translated, **_translations("fee_text", row["fee"])})
        if not event.sessions.exists():
            day = timezone.localdate() + dt.timedelta(days=row["days_ahead"])
            zone = timezone.get_default_timezone()
            Session.objects.create(
                listing=event,
                starts_at=timezone.make_aware(dt.datetime.combine(day, _time(row["start"])), zone),
                ends_at=timezone.make_aware(dt.datetime.combine(day, _time(row["end"])), zone),
                capacity=row["capacity"],
                signup_required=row["signup_required"],
            )


def _desks(organizations) -> None:
    for order, row in enumerate(DESKS):
        desk, _created = ForeignResidentDesk.objects.get_or_create(
            name=row["name"]["ja"],
            defaults={
                **_per_language("name", row["name"]),
                **_per_language("hours_text", row["hours"]),
                **_per_language("description", row["description"]),
                **_per_language("how_to_reach", row["how_to_reach"]),
                **_per_language("location_note", row["location_note"]),
                "organization": organizations.get("練馬区 地域振興課 事業推進係"),
                "phone": row["phone"],
                "place": _place(row["place"]),
                **{field: topic in row["topics"] for topic, field in TOPIC_FIELDS.items()},
                "checked_on": dt.date.fromisoformat(row["checked_on"]) if row["checked_on"] else None,
                "source_url": row["source_url"],
                "sort_order": order,
            },
        )
        for language, weekday, start, end in row["days"]:
            DeskLanguageDay.objects.get_or_create(
                desk=desk,
                language=language,
                weekday=weekday,
                defaults={"start_time": _time(start), "end_time": _time(end)},
            )


def _put_facts_right() -> None:
    """Demo databases loaded before issue 18: the festival named in the plan was marked fiction, and the welcome
    text promised what no source says (「在留資格がなくても…」). Correct them; update() writes no history row."""
    row = next(row for row in EVENTS if row["title"] == "ねりまワールドフェスティバル")
    japanese, translated = _listing_texts(row["text"], with_audience=False)
    organization = Organization.objects.filter(name=row["organization"]).first()
    festival = ExchangeEvent.objects.with_fiction().filter(title=row["title"], is_fictional=True).first()
    if festival and organization:
        unmark_fictional(festival)
        ExchangeEvent.objects.filter(pk=festival.pk).update(organization=organization, summary=japanese["summary"],
                                                            description=japanese["description"])
        _save_texts(ExchangeEvent.objects.get(pk=festival.pk), translated)
    for section in LANDING_SECTIONS:
        stale = LandingSection.objects.filter(slug=section["slug"], body_ja__contains="在留資格")
        stale.update(**_per_language("heading", section["heading"]), **_per_language("body", section["body"]))


def _landing() -> None:
    for row in LANDING_SECTIONS:
        LandingSection.objects.get_or_create(
            slug=row["slug"],
            defaults={
                **_per_language("heading", row["heading"]),
                **_per_language("body", row["body"]),
                "sort_order": row["order"],
            },
        )


@transaction.atomic
def load() -> None:
    organizations = _organizations()
    _classes(organizations)
    _events(organizations)
    _desks(organizations)
    _landing()
    _put_facts_right()
