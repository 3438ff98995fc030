"""Reads for the café pages that go beyond one QuerySet chain (the page's sessions, the print sheet)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from cafes.models import CareCafe, month_bounds, upcoming_sessions, venue_q
from community import geo
from community.models import Place, PublicationStatus, Session, SignUp
from community.models.schedules import Weekday


def attach_next_sessions(cafes) -> None:
    """Give each café on a page its next matching session (with venue) using one query for the page."""
    ids = [cafe.next_session_id for cafe in cafes if cafe.next_session_id]
    sessions = Session.objects.select_related("listing", "place__chome__town__area").in_bulk(ids)
    for cafe in cafes:
        cafe.next_session = sessions.get(cafe.next_session_id)


def card_venue(cafe):
    """Where a card says the café meets: the matching visit's place (出張型), else the café's own."""
    session = getattr(cafe, "next_session", None)
    return (session.place if session is not None and session.place_id else None) or cafe.place


def finder_map(cafes, origin=None) -> dict:
    """The markers of a finder page (the cafés shown, nothing more), from rows already loaded."""
    points = []
    for cafe in cafes:
        venue = card_venue(cafe)
        km = getattr(cafe, "distance_km", None)
        points.append(
            geo.map_point(cafe.title, venue, url=cafe.get_absolute_url(), lines=(venue and venue.name, geo.distance_text(km)))
        )
    return geo.map_data(points, origin)


def detail_map(cafe, sessions) -> dict:
    """A café page's map: its own place and every other venue among its coming sessions (出張型)."""
    places = {}
    for venue in [cafe.place, *(session.venue for session in sessions)]:
        if venue is not None and venue.pk not in places:
            places[venue.pk] = venue
    return geo.map_data(
        geo.map_point(venue.name, venue, lines=(venue.address,)) for venue in places.values()
    )


def listing_upcoming_sessions(listings, *, limit: int = 12):
    """Upcoming sessions of these listings with venue, listing and confirmed head-count, soonest first."""
    sessions = list(
        upcoming_sessions()
        .filter(listing__in=listings)
        .select_related("listing", "place__chome__town__area", "listing__place__chome__town__area")
        .annotate(
            confirmed_people=Sum("signups__party_size", filter=Q(signups__status=SignUp.Status.CONFIRMED))
        )
        .order_by("starts_at")[:limit]
    )
    for session in sessions:
        session.seats_left_count = (
            None if session.capacity is None else max(session.capacity - (session.confirmed_people or 0), 0)
        )
    return sessions


@dataclass
class SheetRow:
    """One line of the print sheet: a café at one venue and time, with every date it meets this month."""

    cafe: CareCafe
    venue: Place | None
    starts: dt.time
    ends: dt.time
    signup_required: bool
    days: list[dt.date] = field(default_factory=list)
    # Whom to call about this café: its own phone, else its operator's, else the area's ward desk (named then).
    phone: str = ""
    phone_name: str = ""

    @property
    def address(self) -> str:
        return self.venue.address if self.venue else ""


def month_sheet(*, area, year: int, month: int) -> list[tuple[str, list[SheetRow]]]:
    """「今月のケアカフェ」: the month's care-café sessions held in the area, grouped by weekday (月→日)."""
    start, end = month_bounds(year, month)
    sessions = (
        Session.objects.filter(
            listing__kind=CareCafe._meta.label_lower,
            listing__status=PublicationStatus.PUBLISHED,
            starts_at__gte=start,
            starts_at__lt=end,
            is_cancelled=False,
        )
        .filter(venue_q("chome__town__area", area))
        .select_related("listing__carecafe", "listing__organization", "place", "listing__place")
        # The café's phone, or its organization's, or the area's ward desk (community/contacts.py), in the same query.
        .select_related("listing__carecafe__organization__area", "listing__carecafe__place__chome__town__area")
        .order_by("starts_at")
    )
    rows: dict[tuple, SheetRow] = {}
    for session in sessions:
        local_start = session.starts_at.astimezone(start.tzinfo)
        local_end = session.ends_at.astimezone(start.tzinfo)
        venue = session.venue
        key = (local_start.weekday(), session.listing_id, venue.pk if venue else None, local_start.time())
        if key not in rows:
            contact = session.listing.carecafe.contact
            rows[key] = SheetRow(
                cafe=session.listing.carecafe, venue=venue, starts=local_start.time(), ends=local_end.time(),
                signup_required=session.signup_required, phone=contact.phone if contact else "",
                phone_name=contact.name if contact and contact.is_fallback else "",
            )
        rows[key].days.append(local_start.date())
    by_day: dict[int, list[SheetRow]] = defaultdict(list)
    for (weekday, *_rest), row in sorted(rows.items(), key=lambda item: (item[0][0], item[0][3], item[1].cafe.title_kana)):
        by_day[weekday].append(row)
    return [(Weekday(day).label, by_day[day]) for day in sorted(by_day)]


def cafe_counts():
    """Published care cafés per type × area (of their own place; 出張型 without one count as 「場所は毎回」)."""
    rows = (
        CareCafe.objects.published()
        .values("cafe_type", "place__chome__town__area__name", "place__chome__town__area__sort_order")
        .annotate(n=Count("pk"))
        .order_by("place__chome__town__area__sort_order")
    )
    areas: list[str | None] = []
    cells: dict[tuple, int] = {}
    for row in rows:
        area = row["place__chome__town__area__name"]
        if area not in areas:
            areas.append(area)
        cells[(row["cafe_type"], area)] = row["n"]
    table = [
        (label, [cells.get((value, area), 0) for area in areas], sum(cells.get((value, a), 0) for a in areas))
        for value, label in CareCafe.CafeType.choices
    ]
    totals = [sum(cells.get((value, area), 0) for value, _label in CareCafe.CafeType.choices) for area in areas]
    return {"areas": areas, "rows": table, "totals": totals, "total": sum(totals)}


def participants_by_month(*, months: int = 6):
    """Confirmed participants (people, not sign-ups) per month in Asia/Tokyo, split by café kind."""
    from django.db.models.functions import TruncMonth
    from django.utils import timezone

    from cafes.models import TOKYO, ChildcareLecture, KidsCafe

    today = timezone.localdate()
    first = (today.replace(day=1) - dt.timedelta(days=31 * (months - 1))).replace(day=1)
    labels = {
        CareCafe._meta.label_lower: "care",
        KidsCafe._meta.label_lower: "kids",
        ChildcareLecture._meta.label_lower: "lecture",
    }
    rows = (
        SignUp.objects.filter(
            status=SignUp.Status.CONFIRMED,
            session__listing__kind__in=list(labels),
            session__starts_at__gte=dt.datetime.combine(first, dt.time(), tzinfo=TOKYO),
        )
        .annotate(month=TruncMonth("session__starts_at", tzinfo=TOKYO))
        .values("month", "session__listing__kind")
        .annotate(people=Sum("party_size"))
        .order_by("month")
    )
    table: dict = {}
    for row in rows:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        table.setdefault(month, {"care": 0, "kids": 0, "lecture": 0})
        table[month][labels[row["session__listing__kind"]]] += row["people"] or 0
    return sorted(table.items())
