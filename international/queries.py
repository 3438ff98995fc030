"""What other apps may ask of international/ (the 相談先さがし finder reads desks from here)."""

from django.db.models import QuerySet

from international.models import ForeignResidentDesk


def consultation_desks(*, language: str | None = None, topic: str | None = None) -> QuerySet[ForeignResidentDesk]:
    """Published foreign-resident desks with their language days prefetched (2 queries in all).

    language: a code such as "tl" (only desks with a day in that language); topic: "childcare",
    "social_security" or "daily_life". Each desk offers .days_by_language(), .languages, .topics.
    """
    desks = ForeignResidentDesk.objects.active().with_language_days()
    if language:
        desks = desks.speaking(language)
    if topic:
        desks = desks.helping_with(topic)
    return desks


def fiscal_year_tables(part: str, fiscal_year):
    """The yearly figures of "japanese_classes", "desks" or "exchange" (community.figures tables, counts only)."""
    from international import figures

    builders = {"japanese_classes": figures.japanese_class_tables, "desks": figures.desk_tables,
                "exchange": figures.exchange_tables}
    return builders[part](fiscal_year)
