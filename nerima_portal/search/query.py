"""Site-wide search over published listings of every kind and published organizations.

Every word of the query (folded like the index, see folding.py) must appear in a row's index text. Rows
score 4 per word their name or reading starts with, 3 per word elsewhere in the name or reading and 1 per
word in the rest (summary, description, organization, place, town, area); ties go in 五十音順 of the reading.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.apps import apps
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing, Organization
from community.models.listings import specific_listings
from nerima_portal.search.synonyms import alternatives

ORGANIZATION = "organization"
PER_GROUP = 5


def listing_kinds() -> list[tuple[str, str]]:
    """(kind, label) of every Listing subclass in INSTALLED_APPS order; plain listings come last."""
    kinds = [
        (model._meta.label_lower, str(model._meta.verbose_name))
        for model in apps.get_models()
        if issubclass(model, Listing) and model is not Listing
    ]
    return [*kinds, (Listing._meta.label_lower, str(_("その他の活動")))]


def kind_choices() -> list[tuple[str, str]]:
    return [*listing_kinds(), (ORGANIZATION, str(_("団体")))]


def _any(lookup: str, words: list[str]) -> Q:
    return reduce(operator.or_, (Q(**{lookup: word}) for word in words))


def _score(terms: list[str]):
    """Relevance: see the module docstring (a word's 言いかえ count as the word)."""
    cases = [
        Case(
            When(_any("search_text__title_text__startswith", alternatives(term)), then=Value(4)),
            When(_any("search_text__title_text__contains", alternatives(term)), then=Value(3)),
            default=Value(1),
            output_field=IntegerField(),
        )
        for term in terms
    ]
    return reduce(operator.add, cases)


def _matching(queryset, terms: list[str]):
    for term in terms:
        queryset = queryset.filter(_any("search_text__text__contains", alternatives(term)))
    return queryset.annotate(score=_score(terms))


def listings_matching(terms: list[str], *, area=None):
    """Published listings containing every term; openings whose deadline has passed are left out."""
    listings = Listing.objects.published().exclude(opening__closes_on__lt=timezone.localdate())
    if area is not None:
        # Openings say where help is needed in their own field; other kinds through their place.
        listings = listings.filter(Q(place__chome__town__area=area) | Q(opening__area=area))
    return _matching(listings, terms)


def organizations_matching(terms: list[str], *, area=None):
    organizations = Organization.objects.published()
    if area is not None:
        organizations = organizations.filter(area=area)
    return _matching(organizations, terms)


@dataclass
class Hit:
    """One result, the same shape for a listing and an organization."""

    title: str
    url: str
    kind_label: str
    organization_name: str = ""
    area_name: str = ""
    summary: str = ""


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)
    best_score: int = 0


def listing_hits(rows) -> list[Hit]:
    """Hits for listing rows (from listings_matching + with_place): one query per kind for each own page."""
    rows = list(rows)
    labels = dict(listing_kinds())
    hits = []
    for row, specific in zip(rows, specific_listings(rows), strict=True):
        area = row.place.chome.town.area if row.place else None
        hits.append(
            Hit(
                title=specific.title,
                url=specific.get_absolute_url(),
                kind_label=labels.get(row.kind, ""),
                organization_name=row.organization.name,
                area_name=area.name if area else "",
                summary=specific.summary,
            )
        )
    return hits


def organization_hits(rows) -> list[Hit]:
    return [
        Hit(
            title=org.name,
            url=org.get_absolute_url(),
            kind_label=str(org.get_kind_display()),
            area_name=org.area.name if org.area else "",
            summary=org.description[:120],
        )
        for org in rows
    ]


def ordered_listings(terms: list[str], *, area=None, kind: str = ""):
    listings = listings_matching(terms, area=area)
    if kind:
        listings = listings.filter(kind=kind)
    return listings.with_place().order_by("-score", "title_kana", "pk")


def ordered_organizations(terms: list[str], *, area=None):
    return organizations_matching(terms, area=area).select_related("area").order_by("-score", "name_kana", "pk")


def _listing_counts(terms: list[str], *, area=None) -> dict[str, int]:
    matching = listings_matching(terms, area=area).order_by()
    return dict(matching.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))


def search_counts(terms: list[str], *, area=None) -> list[Group]:
    """How many results each kind has (two queries), in the usual order of kinds; for the one-kind pages."""
    counts = _listing_counts(terms, area=area)
    groups = [Group(kind, label, counts[kind]) for kind, label in listing_kinds() if kind in counts]
    organizations = organizations_matching(terms, area=area).count()
    if organizations:
        groups.append(Group(ORGANIZATION, str(_("団体")), organizations))
    return groups


def search_overview(terms: list[str], *, area=None, per_group: int = PER_GROUP) -> list[Group]:
    """Every kind that has results, with its count and its best few; the group with the best hit first."""
    counts = _listing_counts(terms, area=area)
    groups: list[Group] = []
    if counts:
        # The best few of each kind in one query: number the rows within each kind, keep the first per_group.
        top = (
            listings_matching(terms, area=area)
            .with_place()
            .annotate(
                rank=Window(RowNumber(), partition_by=[F("kind")], order_by=[F("score").desc(), "title_kana", "pk"])
            )
            .filter(rank__lte=per_group)
            .order_by("kind", "rank")
        )
        rows = list(top)
        hits = listing_hits(rows)
        for kind, label in listing_kinds():
            if kind in counts:
                mine = [(row, hit) for row, hit in zip(rows, hits, strict=True) if row.kind == kind]
                groups.append(
                    Group(kind, label, counts[kind], [hit for _row, hit in mine], max(row.score for row, _ in mine))
                )
    # One row more than shown tells whether the organizations need counting at all.
    organizations = list(ordered_organizations(terms, area=area)[: per_group + 1])
    if organizations:
        count = len(organizations) if len(organizations) <= per_group else organizations_matching(terms, area=area).count()
        groups.append(
            Group(ORGANIZATION, str(_("団体")), count, organization_hits(organizations[:per_group]), organizations[0].score)
        )
    # Stable sort: within equal best scores the kinds keep their usual order.
    return sorted(groups, key=lambda group: -group.best_score)
