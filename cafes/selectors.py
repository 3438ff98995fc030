"""Reads for the café pages that go beyond one QuerySet chain (the finders' results, the page's sessions, the print sheet)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from cafes.models import CareCafe, ChildcareLecture, month_bounds, upcoming_sessions, venue_q
from community import geo
from community.models import Listing, Place, PublicationStatus, Session, SignUp
from community.models.schedules import Weekday


class CafeRow(NamedTuple):
    """One card of a finder page as ids: what its cached fragment is keyed on (CafeResults.load gives the café)."""

    pk: int
    session_pk: int | None  # the next session that matches the search, featured on the card
    distance_km: float | None = None  # from the typed address, when one was given

    @property
    def card_key(self) -> str:
        # Distance to 10 m: what the card shows (「約1.2km」, 「約300m」) never needs more.
        km = "" if self.distance_km is None else f"{self.distance_km:.2f}"
        return f"{self.pk}:{self.session_pk or ''}:{km}"


class CafeResults:
    """A finder's answer as a sequence the Paginator counts and slices, each step a few indexed queries.

    A page is a list of CafeRow (ids only): the cards come from their cached fragments, and only the cafés whose
    card is not cached are loaded, with their place and featured session (load()).

    `cafes` holds the café-level filters (published, type, free, age …). Session criteria are Q objects on one
    upcoming session: `when` (weekday, time of day, lecture topic) and `where` (venue area, town, barrier-free),
    met together by the same visit. A kids' café owns its lectures' sessions too (`include_lectures`).

    Without session criteria the cafés come in the order of their stored next session (one index). With criteria a
    page is read off the matching sessions in start order (the weekday/venue indexes) until enough different cafés
    are found, so the first pages cost the same however many cafés and sessions the ward has. With `where` alone a
    café whose own place fits is listed even without a matching session (before its dates are generated): those
    follow the others in 五十音順.

    With an `origin` (an address typed in 「near」) and no 五十音順 asked, the cafés come nearest first
    (CafeQuerySet.by_distance): the distance is computed for the cafés that pass, which are at most the ward's
    cafés, never its sessions.
    """

    # Sessions read per café wanted in the first step of the page scan (cafés meet weekly, so most of the first
    # rows are different cafés); the step grows ×4 until enough cafés are found.
    ROWS_PER_CAFE = 3

    def __init__(
        self, cafes, *, when=Q(), where=Q(), own=Q(), include_lectures=False, by_reading=False, origin=None,  # noqa: B008
    ):
        self.cafes, self.when, self.where, self.own = cafes, when, where, own
        self.include_lectures, self.by_reading = include_lectures, by_reading
        self.origin = None if by_reading else origin
        self.criteria = when & where

    # --- the matching sessions and the café each counts for -------------------------------------------------------

    def _owned(self, sessions):
        """Annotate `owner`: the café a session counts for (a lecture's counts for the café it is given at)."""
        if not self.include_lectures:
            return sessions.annotate(owner=F("listing_id"))
        # Only published lectures count, as in the café's stored next date (the few others are left out by id, so
        # no session has to be joined to its listing for it).
        withdrawn = ChildcareLecture.objects.exclude(status=PublicationStatus.PUBLISHED).values("pk")
        return sessions.exclude(listing_id__in=withdrawn).annotate(
            owner=Coalesce("listing__childcarelecture__kids_cafe_id", "listing_id")
        )

    def _matching(self):
        """Upcoming sessions meeting the criteria, with the café they count for (whatever its own filters)."""
        return self._owned(upcoming_sessions().filter(self.criteria))

    def sessions(self):
        """Upcoming sessions meeting the criteria whose café passes the café-level filters."""
        return self._matching().filter(owner__in=self.cafes.order_by().values("pk"))

    def _kinds(self) -> list[str]:
        kinds = [self.cafes.model._meta.label_lower]
        return [*kinds, ChildcareLecture._meta.label_lower] if self.include_lectures else kinds

    def _scan(self, wanted: int) -> tuple[dict[int, int], bool]:
        """The first matching session (pk) of the first `wanted` cafés in start order (café pk → session pk) and
        whether every match was read.

        The sessions are read in start order straight off an index, only narrowed to the cafés' kinds; the cafés
        of the few found are then loaded through the café-level filters, so no step reads every café or session.
        """
        step = max(30, wanted * self.ROWS_PER_CAFE)
        sessions = self._matching().filter(listing__kind__in=self._kinds()).order_by("starts_at", "pk")
        while True:
            rows = list(sessions.values_list("owner", "pk")[:step])
            candidates: dict[int, int] = {}
            for owner, pk in rows:  # the first row of a café is its next matching session
                candidates.setdefault(owner, pk)
            passing = set(self.cafes.filter(pk__in=list(candidates)).order_by().values_list("pk", flat=True))
            firsts = {owner: pk for owner, pk in candidates.items() if owner in passing}
            exhausted = len(rows) < step
            if len(firsts) >= wanted or exhausted:
                return firsts, exhausted
            step *= 4

    def _matched(self) -> Q:
        """Q on cafés: listed under the criteria (see the class docstring)."""
        if self.when:
            return Q(pk__in=self._matching().values("owner"))
        # `where` alone: a session without a place of its own is held at its café's place, so apart from the cafés
        # whose own place fits, only visits (出張) and lectures bring a café in; both are few.
        matched = self.own | Q(pk__in=self._matching().filter(place__isnull=False).values("owner"))
        if self.include_lectures:
            lectures = Listing.objects.filter(kind=ChildcareLecture._meta.label_lower).values("pk")
            matched |= Q(pk__in=self._matching().filter(listing_id__in=lectures).values("owner"))
        return matched

    # --- what the Paginator asks --------------------------------------------------------------------------------

    def count(self) -> int:
        if not self.criteria:
            return self.cafes.count()
        if self.when:
            return self.sessions().order_by().values("owner").distinct().count()
        return self.cafes.filter(self._matched()).count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[CafeRow]:
        start, stop = page.start or 0, page.stop
        if self.origin is not None:
            cafes = self.cafes.filter(self._matched()) if self.criteria else self.cafes
            nearest = cafes.by_distance(self.origin, self.criteria, include_lectures=self.include_lectures)
            found = list(nearest.values_list("pk", "distance_km")[start:stop])
            firsts = self._first_sessions([pk for pk, _km in found])
            return [CafeRow(pk, firsts.get(pk), km) for pk, km in found]
        if not self.criteria:
            ordered = self.cafes.by_reading() if self.by_reading else self.cafes.by_next_date()
        elif self.by_reading:
            ordered = self.cafes.filter(self._matched()).by_reading()
        else:
            return self._page_by_next_match(start, stop)
        pks = list(ordered.values_list("pk", flat=True)[start:stop])
        firsts = self._first_sessions(pks)
        return [CafeRow(pk, firsts.get(pk)) for pk in pks]

    def _page_by_next_match(self, start: int, stop: int) -> list[CafeRow]:
        firsts, exhausted = self._scan(stop)
        owners = list(firsts)
        rows = [CafeRow(pk, firsts[pk]) for pk in owners[start:stop]]
        if not self.when and exhausted and len(rows) < stop - start:
            # Every café with a matching visit is listed: those that only fit by their own place follow.
            offset = max(start - len(owners), 0)
            tail = self.cafes.filter(self.own).exclude(pk__in=owners).by_reading().values_list("pk", flat=True)
            rows += [CafeRow(pk, None) for pk in tail[offset : offset + (stop - start) - len(rows)]]
        return rows

    def load(self, rows) -> list:
        """The cafés of these rows, in order, with operator and place, each with `next_session` (venue and listing
        joined) and, when an address was given, `distance_km`: two queries whatever the number of rows."""
        cafes = self.cafes.model.objects.with_place().in_bulk([row.pk for row in rows])
        sessions = Session.objects.select_related("listing", "place__chome__town__area").in_bulk(
            [row.session_pk for row in rows if row.session_pk is not None]
        )
        loaded = []
        for row in rows:
            cafe = cafes[row.pk]
            cafe.next_session = sessions.get(row.session_pk)
            if self.origin is not None:
                cafe.distance_km = row.distance_km
            loaded.append(cafe)
        return loaded

    def _first_sessions(self, owner_ids) -> dict[int, int]:
        """café pk → pk of its next matching session, for a page of cafés (their sessions only).

        The sessions are found by listing id on the (listing, start) index: the cafés' own ids and, for kids'
        cafés, their published lectures' (one small query first), so no session is joined to the listings table.
        """
        owner_of = {pk: pk for pk in owner_ids}
        if self.include_lectures and owner_of:
            lectures = ChildcareLecture.objects.filter(kids_cafe__in=list(owner_of), status=PublicationStatus.PUBLISHED)
            owner_of.update(lectures.order_by().values_list("pk", "kids_cafe_id"))
        if not owner_of:
            return {}
        rows = (
            upcoming_sessions().filter(self.criteria).filter(listing_id__in=list(owner_of))
            .order_by("starts_at", "pk").values_list("listing_id", "pk")
        )
        firsts: dict[int, int] = {}
        for listing_id, pk in rows:
            firsts.setdefault(owner_of[listing_id], pk)
        return firsts


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
        .order_by("starts_at", "pk")[:limit]
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
