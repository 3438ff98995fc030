"""A read-only JSON API over public listings, places and sessions: /api/v1/ (OpenAPI at /api/v1/openapi.json).

Versioned in the path so a later change of shape becomes /api/v2/ without breaking anyone. Pages of at most 100
rows, a few filters, responses cached for five minutes (everything here is public, the same for everyone).
Nothing personal is served: no sign-up, member or account.
"""

import datetime as dt
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.cache import cache_page
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view

from community import queries as community_queries
from community.mails import absolute_url
from community.models.listings import specific_listings
from opendata import standard
from opendata.selectors import fiction

CACHE_SECONDS = 300
MAX_PAGE_SIZE = 100

api = NinjaAPI(
    title="ねりま地域福祉ポータル API",
    version="1",
    description=(
        "練馬区の地域福祉ポータルに公開している掲載（居場所・教室・催しなど）、場所、開催回を読み出す API です（読み取り専用）。"
        f"ライセンス: {standard.LICENSE_NAME} {standard.LICENSE_URL}。"
        "緯度経度が町丁目の代表点のときは coordinates_are_representative が true です（出典: 国土交通省 位置参照情報）。"
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
cached = decorate_view(cache_page(CACHE_SECONDS))


class AreaOut(Schema):
    slug: str
    name: str


class PlaceOut(Schema):
    id: int
    name: str
    address: str
    building: str
    town: str
    area: AreaOut
    latitude: float | None
    longitude: float | None
    coordinates_are_representative: bool = Field(description="true: 丁目の代表点（場所そのものの位置ではない）")
    nearest_station: str
    walk_minutes: int | None
    wheelchair_accessible: bool
    has_elevator: bool
    has_accessible_toilet: bool


class OrganizationOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    contact_phone: str = Field(description="団体が公開している電話番号")


class ListingOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    title_kana: str
    summary: str
    audience: str
    fee: str
    organization: OrganizationOut
    place: PlaceOut | None
    url: str
    updated_at: dt.datetime
    is_fictional: bool = Field(description="true: デモ用の架空のデータ")


class SessionOut(Schema):
    id: int
    listing_id: int
    listing_title: str
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: PlaceOut | None
    capacity: int | None
    signup_required: bool
    is_cancelled: bool
    url: str
    ics_url: str


class PageMeta(Schema):
    count: int = Field(description="条件に合う全件数")
    page: int
    page_size: int
    next: str | None
    previous: str | None
    license: str = standard.LICENSE_URL


class ListingPage(PageMeta):
    items: list[ListingOut]


class PlacePage(PageMeta):
    items: list[PlaceOut]


class SessionPage(PageMeta):
    items: list[SessionOut]


class Paging(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


def _page(request, queryset, paging: Paging):
    count = queryset.count()
    start = (paging.page - 1) * paging.page_size
    rows = list(queryset[start:start + paging.page_size])

    def link(page):
        return request.build_absolute_uri(f"{request.path}?{urlencode({**request.GET.dict(), 'page': page})}")

    meta = {
        "count": count, "page": paging.page, "page_size": paging.page_size,
        "next": link(paging.page + 1) if start + paging.page_size < count else None,
        "previous": link(paging.page - 1) if paging.page > 1 else None,
        "license": standard.LICENSE_URL,
    }
    return rows, meta


def _place(place) -> dict | None:
    if place is None:
        return None
    latitude, longitude, representative = community_queries.coordinates(place)
    area = place.chome.town.area
    return {
        "id": place.pk, "name": place.name, "address": place.address, "building": place.building,
        "town": str(place.chome), "area": {"slug": area.slug, "name": area.name},
        "latitude": None if latitude is None else float(latitude),
        "longitude": None if longitude is None else float(longitude),
        "coordinates_are_representative": representative, "nearest_station": place.nearest_station,
        "walk_minutes": place.walk_minutes, "wheelchair_accessible": place.wheelchair_accessible,
        "has_elevator": place.has_elevator, "has_accessible_toilet": place.has_accessible_toilet,
    }


def _listing(listing, *, fictional: bool) -> dict:
    organization = listing.organization
    return {
        "id": listing.pk, "kind": listing.kind, "kind_label": listing.kind_label, "title": listing.title,
        "title_kana": listing.title_kana, "summary": listing.summary, "audience": listing.audience,
        "fee": listing.fee_text,
        "organization": {"id": organization.pk, "name": organization.name, "kind": organization.kind,
                         "kind_label": organization.get_kind_display(), "contact_phone": organization.contact_phone},
        "place": _place(listing.place), "url": absolute_url(listing.get_absolute_url()), "updated_at": listing.updated_at,
        "is_fictional": fictional,
    }


def _session(session) -> dict:
    return {
        "id": session.pk, "listing_id": session.listing_id, "listing_title": session.listing.title,
        "kind": session.listing.kind, "title": session.title or session.listing.title,
        "starts_at": session.starts_at, "ends_at": session.ends_at, "venue": _place(session.venue),
        "capacity": session.capacity, "signup_required": session.signup_required, "is_cancelled": session.is_cancelled,
        "url": absolute_url(reverse("community:session_detail", args=[session.pk])),
        "ics_url": absolute_url(reverse("community:session_ics", args=[session.pk])),
    }


class ListingFilter(Schema):
    kind: str | None = Field(None, description="掲載の種類（例: cafes.carecafe, hiroba.plaza）")
    area: str | None = Field(None, description="地域のslug（nerima, hikarigaoka, shakujii, oizumi）")
    organization: int | None = Field(None, description="団体のID")


@api.get("/listings", response=ListingPage, tags=["掲載"], summary="公開中の掲載の一覧")
@cached
def listings(request, filters: Query[ListingFilter], paging: Query[Paging]):
    queryset = community_queries.public_listings().annotate(open_data_fiction=fiction()).order_by("title_kana", "pk")
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.area:
        queryset = queryset.filter(place__chome__town__area__slug=filters.area)
    if filters.organization:
        queryset = queryset.filter(organization_id=filters.organization)
    rows, meta = _page(request, queryset, paging)
    # One query per kind on the page (not per row) to reach each listing's own page address.
    items = [
        _listing(listing, fictional=row.open_data_fiction)
        for row, listing in zip(rows, specific_listings(rows), strict=True)
    ]
    return {**meta, "items": items}


@api.get("/listings/{listing_id}", response=ListingOut, tags=["掲載"], summary="公開中の掲載1件")
@cached
def listing_detail(request, listing_id: int):
    listing = get_object_or_404(community_queries.public_listings().annotate(open_data_fiction=fiction()), pk=listing_id)
    return _listing(specific_listings([listing])[0], fictional=listing.open_data_fiction)


class PlaceFilter(Schema):
    area: str | None = Field(None, description="地域のslug")
    town: str | None = Field(None, description="町名（例: 豊玉北）")


@api.get("/places", response=PlacePage, tags=["場所"], summary="公開中の掲載が使っている場所の一覧")
@cached
def places(request, filters: Query[PlaceFilter], paging: Query[Paging]):
    queryset = community_queries.public_places().order_by("name_kana", "name", "pk")
    if filters.area:
        queryset = queryset.filter(chome__town__area__slug=filters.area)
    if filters.town:
        queryset = queryset.filter(chome__town__name=filters.town)
    rows, meta = _page(request, queryset, paging)
    return {**meta, "items": [_place(place) for place in rows]}


class SessionFilter(Schema):
    date_from: dt.date | None = Field(None, alias="from", description="この日以降に始まる回（既定: 今日）")
    date_to: dt.date | None = Field(None, alias="to", description="この日までに始まる回")
    area: str | None = Field(None, description="会場の地域のslug")
    kind: str | None = Field(None, description="掲載の種類")
    listing: int | None = Field(None, description="掲載のID")


@api.get("/sessions", response=SessionPage, tags=["開催回"], summary="公開中の掲載の開催回（開始順）")
@cached
def sessions(request, filters: Query[SessionFilter], paging: Query[Paging]):
    from django.utils import timezone

    zone = timezone.get_default_timezone()
    start = filters.date_from or timezone.localdate()
    queryset = community_queries.public_sessions().filter(
        starts_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    ).order_by("starts_at", "pk")
    if filters.date_to:
        queryset = queryset.filter(starts_at__lt=dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min,
                                                                    tzinfo=zone))
    if filters.area:
        from community.models import Area

        area = Area.objects.filter(slug=filters.area).first()
        queryset = queryset.filter(community_queries.venue_in_area(area)) if area else queryset.none()
    if filters.kind:
        queryset = queryset.filter(listing__kind=filters.kind)
    if filters.listing:
        queryset = queryset.filter(listing_id=filters.listing)
    rows, meta = _page(request, queryset, paging)
    return {**meta, "items": [_session(session) for session in rows]}
