"""Yearly figures of 重点取組2 (1)(2): care cafés by type and area, kids' cafés, their sessions and 参加者数."""

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from community import figures
from community.models import Session

AREA = Coalesce("place__chome__town__area", "organization__area")


def open_at_year_end(listings, fiscal_year):
    """Published places that had opened by the end of the year (opening date, or the day they went public)."""
    went_public = Q(published_at__lt=fiscal_year.ends_at) | Q(published_at__isnull=True)
    if hasattr(listings.model, "opened_on"):
        return listings.published().filter(Q(opened_on__lte=fiscal_year.last_day) | (Q(opened_on__isnull=True) & went_public))
    return listings.published().filter(went_public)


def _care_counts(fiscal_year) -> dict:
    labels = dict(CareCafe.CafeType.choices)
    rows = (open_at_year_end(CareCafe.objects.all(), fiscal_year).annotate(area=AREA).order_by()
            .values("cafe_type", "area").annotate(n=Count("pk")))
    return {(str(labels[r["cafe_type"]]), r["area"]): r["n"] for r in rows}


def care_cafe_tables(fiscal_year) -> list[figures.Table]:
    types = [str(label) for label in CareCafe.CafeType.labels]
    note = _("年度末に公開中で、開設日（なければ公開日）が年度末までのカフェです。出張型は運営団体の地域に数えます。")
    places = figures.grid("care_cafes", _("街かどケアカフェの数（種類・地域別）"), types, _care_counts(fiscal_year),
                          first_column=_("種類"), unit=_("か所"), note=note)
    previous = figures.grid("care_cafes", "", types, _care_counts(fiscal_year.previous), first_column="")
    places = figures.with_change(places, previous, label_previous=_("前年度末"), label_change=_("増減"))
    sessions = Session.objects.filter(listing__in=CareCafe.objects.all())
    return [
        places,
        figures.session_table("care_cafe_sessions", _("街かどケアカフェの開催と参加者"), sessions, fiscal_year),
        figures.breakdown_table("care_cafe_ages", _("街かどケアカフェの参加者の年代"), sessions, fiscal_year, age_bands=True),
    ]


def _kids_counts(fiscal_year, label) -> dict:
    rows = (open_at_year_end(KidsCafe.objects.all(), fiscal_year).annotate(area=AREA).order_by()
            .values("area").annotate(n=Count("pk")))
    return {(label, r["area"]): r["n"] for r in rows}


def kids_cafe_tables(fiscal_year) -> list[figures.Table]:
    label = _("練馬こどもカフェの会場")
    note = _("年度末に公開中で、公開日が年度末までの会場です。")
    venues = figures.grid("kids_cafes", _("練馬こどもカフェの会場数"), [label], _kids_counts(fiscal_year, label),
                          first_column=_("項目"), unit=_("か所"), note=note)
    previous = figures.grid("kids_cafes", "", [label], _kids_counts(fiscal_year.previous, label), first_column="")
    venues = figures.with_change(venues, previous, label_previous=_("前年度末"), label_change=_("増減"))
    return [
        venues,
        figures.session_table("kids_cafe_sessions", _("練馬こどもカフェの開催と参加者"),
                              Session.objects.filter(listing__in=KidsCafe.objects.all()), fiscal_year),
        figures.session_table("childcare_lectures", _("こどもカフェでの子育て講座"),
                              Session.objects.filter(listing__in=ChildcareLecture.objects.all()), fiscal_year,
                              note=_("地域は会場のこどもカフェの場所です。")),
    ]
