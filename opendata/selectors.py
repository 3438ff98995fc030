"""The three CSV datasets, row by row, in the standard's columns (opendata.standard).

Written in Japanese whatever the visitor's language, as the standard's columns are. Coordinates are the place's
own when staff entered them, else its 丁目's representative point (国土交通省 位置参照情報), and 備考 says which.
Nothing personal: sign-ups and members never appear; phone numbers are the organizations' published numbers.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cafes import queries as cafes_queries
from community import queries as community_queries
from community.mails import absolute_url
from community.models import Listing, Organization
from community.models.demo import fiction_exists
from community.readings import hiragana_to_katakana
from hiroba import queries as hiroba_queries
from opendata import standard

EVENT_DAYS_AHEAD = 92
REPRESENTATIVE_NOTE = "緯度経度は町丁目の代表点（出典: 国土交通省 位置参照情報）"


def _kana(text: str) -> str:
    return hiragana_to_katakana(text or "")


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment)


def _place_cells(place) -> tuple[str, str, str, str, list[str]]:
    """(住所, 方書, 緯度, 経度, notes)."""
    latitude, longitude, representative = community_queries.coordinates(place)
    notes = [REPRESENTATIVE_NOTE] if representative else []
    return (place.address, place.building, "" if latitude is None else str(latitude),
            "" if longitude is None else str(longitude), notes)


def _barrier_free(place) -> str:
    features = [("車いすで入れる", place.wheelchair_accessible), ("エレベーターあり", place.has_elevator),
                ("多目的トイレあり", place.has_accessible_toilet)]
    return ";".join(label for label, present in features if present)


def fiction(listing: str = "pk") -> ExpressionWrapper:
    """Annotation: the demo made up the listing at `listing` ("pk" on listings, "listing" on sessions) or the
    organization running it. Open data never publishes fiction as fact, so such rows say so."""
    organization = "organization" if listing == "pk" else f"{listing}__organization"
    return ExpressionWrapper(
        Q(fiction_exists(Listing, listing)) | Q(fiction_exists(Organization, organization)), output_field=BooleanField()
    )


def _fiction(row) -> list[str]:
    return ["架空のデモデータ"] if row.open_data_fiction else []


def _schedules(listing) -> str:
    return "、".join(schedule.describe() for schedule in listing.schedules.all())


def event_rows(*, now=None):
    """イベント一覧: every public session of the next three months that has a venue (one row per session)."""
    now = now or timezone.now()
    sessions = list(
        community_queries.upcoming_public_sessions(now=now)
        .filter(starts_at__lt=now + dt.timedelta(days=EVENT_DAYS_AHEAD))
        .annotate(open_data_fiction=fiction("listing"))
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        listing, venue = session.listing, session.venue
        if venue is None:
            continue  # 場所名称 and 住所 are required: a session without a venue is not an event we can list
        address, building, latitude, longitude, notes = _place_cells(venue)
        start, end = _local(session.starts_at), _local(session.ends_at)
        fee = session.fee_text or listing.fee_text
        free = fee.strip() == "無料"  # an empty fee is unknown, not free
        closes = _local(session.signup_closes_at) if session.signup_closes_at else None
        notes = [*(["中止"] if session.is_cancelled else []), *_fiction(session), *notes]
        yield [
            *standard.common_cells(session.pk),
            session.title or listing.title, _kana(listing.title_kana), "",
            f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", f"{start:%H:%M}", f"{end:%H:%M}",
            session.cancel_reason if session.is_cancelled else "",
            listing.summary or listing.title,
            0 if free else "", fee,
            listing.organization.name, listing.organization.contact_phone, "", listing.organization.name,
            venue.name, address, building, latitude, longitude, venue.access_text, "",
            session.capacity or "",
            f"{closes:%Y-%m-%d}" if closes else "", f"{closes:%H:%M}" if closes else "",
            "ポータルから申込" if session.signup_required else "申込不要",
            absolute_url(reverse("community:session_detail", args=[session.pk])),
            "。".join(notes),
        ]


def _facility_row(listing, kind: str, *, hours_note: str = "") -> list:
    place = listing.place
    address, building, latitude, longitude, notes = _place_cells(place)
    return [
        *standard.common_cells(f"{listing.kind.split('.')[1]}-{listing.pk}"),
        listing.title, _kana(listing.title_kana), "", "",
        address, building, latitude, longitude,
        listing.organization.contact_phone, "", "", listing.organization.name,
        "", "", "", hours_note or _schedules(listing),
        f"{kind}。{listing.summary}".rstrip("。"), _barrier_free(place),
        absolute_url(listing.get_absolute_url()), "。".join([*_fiction(listing), *notes]),
    ]


def facility_rows():
    """公共施設一覧: the portal's drop-in places (街かどケアカフェ, 相談情報ひろば) that have an address."""
    for cafe in cafes_queries.public_care_cafes().annotate(open_data_fiction=fiction()):
        if cafe.place:
            yield _facility_row(cafe, f"街かどケアカフェ（{cafe.get_cafe_type_display()}）")
    for plaza in hiroba_queries.public_plazas().annotate(open_data_fiction=fiction()):
        if plaza.place:
            yield _facility_row(plaza, "相談情報ひろば", hours_note=plaza.hours_text)


def childcare_rows():
    """子育て施設一覧: 練馬こどもカフェ (a place in a private café; 種別 has no value for it)."""
    for cafe in cafes_queries.public_kids_cafes().annotate(open_data_fiction=fiction()):
        if not cafe.place:
            continue
        address, building, latitude, longitude, notes = _place_cells(cafe.place)
        yield [
            *standard.common_cells(f"kidscafe-{cafe.pk}"),
            cafe.title, _kana(cafe.title_kana), "", address, building, latitude, longitude,
            cafe.place.access_text, "", cafe.organization.contact_phone, "", "", "", cafe.organization.name,
            "", "", cafe.ages_text, "", "", "", _schedules(cafe), "", absolute_url(cafe.get_absolute_url()),
            "。".join(["練馬こどもカフェ（民間カフェの一角を使った子育てスポット。保育施設ではありません）", *_fiction(cafe), *notes]),
        ]


@dataclass(frozen=True)
class Dataset:
    key: str
    standard_name: str  # the standard's own name of the dataset, in Japanese whatever the reader's language
    title: str  # that name in the reader's language
    description: str
    columns: list[str]
    required: list[str]
    rows: object  # () -> iterable of rows
    sources: object  # () -> [querysets of the listings behind the file], for its update time

    def filename(self) -> str:
        return f"{standard.LG_CODE}_{self.key}.csv"

    def build(self) -> list[list]:
        with translation.override("ja"):
            return list(self.rows())

    def updated_at(self):
        """When the listings behind the file last changed (the file itself is written afresh at each download)."""
        times = [queryset.order_by().aggregate(at=Max("updated_at"))["at"] for queryset in self.sources()]
        return max((time for time in times if time), default=None)


DATASETS = [
    Dataset("event", "イベント一覧", _("イベント一覧"),
            _("ポータルに載っている催し・開催回（今日から3か月先まで）。1行が1回の開催です。"),
            standard.EVENT_COLUMNS, standard.EVENT_REQUIRED, event_rows, lambda: [community_queries.public_listings()]),
    Dataset("public_facility", "公共施設一覧", _("公共施設一覧"), _("街かどケアカフェと相談情報ひろば（住所のあるもの）。"),
            standard.FACILITY_COLUMNS, standard.FACILITY_REQUIRED, facility_rows,
            lambda: [cafes_queries.public_care_cafes(), hiroba_queries.public_plazas()]),
    Dataset("child_care_facility", "子育て施設一覧", _("子育て施設一覧"), _("練馬こどもカフェの会場（住所のあるもの）。"),
            standard.CHILDCARE_COLUMNS, standard.CHILDCARE_REQUIRED, childcare_rows,
            lambda: [cafes_queries.public_kids_cafes()]),
]
DATASETS_BY_KEY = {dataset.key: dataset for dataset in DATASETS}
