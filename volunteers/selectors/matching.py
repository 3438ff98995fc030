"""Which volunteer openings fit a resident, best first, and why (「火曜午前・石神井・防災」).

score() is a pure function over two small fact records, so the ranking rule is unit-tested without a
database. matching_openings() narrows the candidates in the database first (open, same field or same
area, at most CANDIDATE_LIMIT rows ordered by a coarse field/area score), then scores them in Python.
"""

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from community.models.schedules import Weekday
from volunteers.models import ActivityField, Opening, Skill, SuitableFor, TimeOfDay, VolunteerProfile

WEIGHT_FIELD = 4
WEIGHT_AREA = 3
WEIGHT_WHEN = 3
WEIGHT_SKILL = 1
MAX_SKILLS_COUNTED = 2
WEIGHT_LANGUAGE = 2
CANDIDATE_LIMIT = 300
TIME_ORDER = [TimeOfDay.MORNING, TimeOfDay.AFTERNOON, TimeOfDay.EVENING]


@dataclass(frozen=True)
class ProfileFacts:
    fields: frozenset[str] = frozenset()
    area_ids: frozenset[int] = frozenset()
    weekdays: frozenset[int] = frozenset()
    times: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()

    @classmethod
    def of(cls, profile: VolunteerProfile, *, finished_fields=()) -> "ProfileFacts":
        """Facts of a saved profile; fields finished at the College count as chosen fields."""
        return cls(
            fields=frozenset(profile.activity_fields) | frozenset(finished_fields),
            area_ids=frozenset(area.pk for area in profile.areas.all()),
            weekdays=frozenset(profile.weekdays),
            times=frozenset(profile.times),
            skills=frozenset(profile.skills),
            languages=frozenset(profile.languages),
        )


@dataclass(frozen=True)
class OpeningFacts:
    field: str
    area_id: int
    area_name: str
    weekdays: frozenset[int] = frozenset()
    times: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    suitable_for: frozenset[str] = frozenset()

    @classmethod
    def of(cls, opening: Opening) -> "OpeningFacts":
        return cls(
            field=opening.field,
            area_id=opening.area_id,
            area_name=opening.area.name,
            weekdays=frozenset(opening.weekdays),
            times=frozenset(opening.times),
            skills=frozenset(opening.skills),
            suitable_for=frozenset(opening.suitable_for),
        )


@dataclass(frozen=True)
class Match:
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def reason_text(self) -> str:
        return "・".join(self.reasons)


def _when_reason(days: list[int], times: list[str]) -> str:
    day = str(Weekday(days[0]).label)
    return day + (str(TimeOfDay(times[0]).label) if times else "")


def score(profile: ProfileFacts, opening: OpeningFacts) -> Match:
    """Points for a matching weekday and time, area, field, skills and languages; reasons in that order."""
    points = 0
    reasons: list[str] = []
    days = sorted(profile.weekdays & opening.weekdays)
    times = [time for time in TIME_ORDER if time in profile.times and time in opening.times]
    # A weekday counts only together with a fitting time of day, unless the opening names no time.
    if days and (times or not opening.times):
        points += WEIGHT_WHEN
        reasons.append(_when_reason(days, times))
    if opening.area_id in profile.area_ids:
        points += WEIGHT_AREA
        reasons.append(opening.area_name)
    if opening.field in profile.fields:
        points += WEIGHT_FIELD
        reasons.append(str(ActivityField(opening.field).label))
    common_skills = [code for code in Skill.values if code in profile.skills and code in opening.skills]
    for code in common_skills[:MAX_SKILLS_COUNTED]:
        points += WEIGHT_SKILL
        reasons.append(str(Skill(code).label))
    if SuitableFor.LANGUAGE in opening.suitable_for and profile.languages:
        points += WEIGHT_LANGUAGE
        reasons.append(str(SuitableFor.LANGUAGE.label))
    return Match(score=points, reasons=tuple(reasons))


@dataclass(frozen=True)
class RankedOpening:
    opening: Opening
    match: Match


def candidate_openings(facts: ProfileFacts, *, today=None):
    """Open openings in one of the profile's fields or areas, coarse-ranked, bounded (one query)."""
    if not facts.fields and not facts.area_ids:
        return Opening.objects.none()
    coarse = Case(When(field__in=facts.fields, then=Value(WEIGHT_FIELD)), default=Value(0), output_field=IntegerField())
    coarse = coarse + Case(
        When(area_id__in=facts.area_ids, then=Value(WEIGHT_AREA)), default=Value(0), output_field=IntegerField()
    )
    return (
        Opening.objects.accepting(today or timezone.localdate())
        .filter(Q(field__in=facts.fields) | Q(area_id__in=facts.area_ids))
        .with_area()
        .annotate(coarse_score=coarse)
        .order_by("-coarse_score", "closes_on", "pk")[:CANDIDATE_LIMIT]
    )


def rank(facts: ProfileFacts, openings) -> list[RankedOpening]:
    """Score and sort: best score first, then the earliest closing date."""
    ranked = [RankedOpening(opening, score(facts, OpeningFacts.of(opening))) for opening in openings]
    ranked = [item for item in ranked if item.match.score > 0]
    ranked.sort(key=lambda item: (-item.match.score, item.opening.closes_on, item.opening.pk))
    return ranked


def matching_openings(facts: ProfileFacts, *, today=None) -> list[RankedOpening]:
    return rank(facts, candidate_openings(facts, today=today))
