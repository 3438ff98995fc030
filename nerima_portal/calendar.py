"""The site-wide calendar: public sessions of every kind, by day, one month at a time (Asia/Tokyo).

A month runs from its first day 00:00 to the next month's first day 00:00 in the portal's time zone: a
session at 08:00 on 1 December in Tokyo is still 30 November in UTC, and belongs to December. Only sessions
that are not over yet are listed; cancelled ones stay, marked 中止, so nobody goes to a closed door.
"""

import datetime as dt
import re
from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.fragments import RowsById, cached_fragments
from community.models import Area, PublicationStatus, Session
from community.models.listings import Listing, specific_listings
from nerima_portal.search.query import listing_kinds

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
WEEK_AHEAD = dt.timedelta(days=7)


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def current(cls) -> "Month":
        today = timezone.localdate()
        return cls(today.year, today.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def next(self) -> "Month":
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    @property
    def previous(self) -> "Month":
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    @property
    def param(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) of the month as aware datetimes in the portal's time zone."""
        zone = timezone.get_current_timezone()
        start = dt.datetime(self.year, self.month, 1, tzinfo=zone)
        end = dt.datetime(self.next.year, self.next.month, 1, tzinfo=zone)
        return start, end


def public_sessions():
    """Sessions of published listings run by published organizations, with what a list shows."""
    return Session.objects.filter(
        listing__status=PublicationStatus.PUBLISHED, listing__organization__status=PublicationStatus.PUBLISHED
    ).with_listing().select_related("listing__place__chome__town__area")  # the venue is usually the listing's place


def venue_in_area(area) -> Q:
    """A session's venue is its own place when it has one (出張型), else its listing's place."""
    return Q(place__chome__town__area=area) | Q(place__isnull=True, listing__place__chome__town__area=area)


class Signup:
    """申込要・不要 as a filter value."""

    REQUIRED = "required"
    NOT_REQUIRED = "free"
    CHOICES = [("", _("どちらも")), (REQUIRED, _("申込が必要なものだけ")), (NOT_REQUIRED, _("申込なしで行けるものだけ"))]


def filtered(sessions, *, area=None, kind: str = "", signup: str = ""):
    if area is not None:
        sessions = sessions.filter(venue_in_area(area))
    if kind:
        sessions = sessions.filter(listing__kind=kind)
    if signup:
        sessions = sessions.filter(signup_required=signup == Signup.REQUIRED)
    return sessions


def month_sessions(month: Month, *, area=None, kind: str = "", signup: str = "", day=None, now=None):
    """The month's sessions that are not over yet, in start order (cancelled ones stay, marked 中止)."""
    start, end = month.bounds()
    if day is not None:
        zone = timezone.get_current_timezone()
        start = dt.datetime.combine(day, dt.time(), tzinfo=zone)
        end = start + dt.timedelta(days=1)
    sessions = public_sessions().filter(starts_at__gte=start, starts_at__lt=end, ends_at__gt=now or timezone.now())
    return filtered(sessions, area=area, kind=kind, signup=signup).order_by("starts_at", "pk")


FEED_DAYS = 92


def feed_sessions(*, area=None, kind: str = "", signup: str = "", now=None):
    """A subscribed calendar's sessions: the next three months (cancelled ones stay so phones drop them)."""
    now = now or timezone.now()
    sessions = public_sessions().filter(starts_at__gte=now, starts_at__lt=now + dt.timedelta(days=FEED_DAYS))
    return filtered(sessions, area=area, kind=kind, signup=signup).order_by("starts_at", "pk")


def week_sessions(*, limit: int = 6, now=None):
    """The next few sessions of the coming seven days (for the home page)."""
    now = now or timezone.now()
    return (
        public_sessions()
        .filter(starts_at__gte=now, starts_at__lt=now + WEEK_AHEAD, is_cancelled=False)
        .order_by("starts_at", "pk")[:limit]
    )


def with_listing_urls(sessions) -> list[Session]:
    """Give each session its listing's own page and kind (`listing_url`, `listing_kind_label`), one query per kind."""
    sessions = list(sessions)
    listings = {s.listing_id: s.listing for s in sessions}.values()
    own = {listing.pk: listing for listing in specific_listings(listings, related=())}
    for session in sessions:
        listing = own[session.listing_id]
        session.listing_url = listing.get_absolute_url()
        session.listing_kind_label = listing.kind_label if type(listing) is not Listing else _("その他の活動")
    return sessions


@dataclass
class Entry:
    """A session as a list shows it: its start (for the day headings) and its cached list entry."""

    pk: int
    starts_at: dt.datetime
    item: str = ""


def list_entries(sessions, *, request, show_date: bool = False) -> list[Entry]:
    """The `sessions` (a queryset: the calendar's page, the home page's week) as list entries (_session_item.html)
    from the cached fragments (content version, language): only their ids and starts are read; the sessions
    themselves, with their listings, places and translations, only for the entries not cached yet."""
    entries = [Entry(pk, starts_at) for pk, starts_at in sessions.values_list("pk", "starts_at")]
    full = RowsById(
        entries, lambda missing: with_listing_urls(public_sessions().filter(pk__in=[entry.pk for entry in missing])),
        pk=lambda entry: entry.pk,
    )
    items = cached_fragments(
        "nerima_portal/_session_item.html", entries, request=request,
        key=lambda entry: f"{entry.pk}:{int(show_date)}",
        context=lambda entry: {"session": full.of(entry), "show_date": show_date},
        before_render=full.load,
    )
    for entry, item in zip(entries, items, strict=True):
        entry.item = item
    return entries


def by_day(sessions) -> list[tuple[dt.date, list[Session]]]:
    return [(day, list(group)) for day, group in groupby(sessions, key=lambda s: timezone.localdate(s.starts_at))]


class CalendarForm(forms.Form):
    month = forms.RegexField(
        label=_("月"), regex=MONTH_RE, required=False, widget=forms.HiddenInput,
        error_messages={"invalid": _("月は「2026-12」の形で指定してください。")},
    )
    area = forms.ModelChoiceField(
        label=_("地域"), queryset=Area.objects.all(), to_field_name="slug", required=False, empty_label=_("すべての地域")
    )
    kind = forms.ChoiceField(label=_("種類"), required=False)
    signup = forms.ChoiceField(label=_("申込"), choices=Signup.CHOICES, required=False)
    day = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [(kind, label) for kind, label in listing_kinds() if kind != Listing._meta.label_lower]
        self.fields["kind"].choices = [("", _("すべての種類")), *kinds]

    def clean_month(self) -> Month | None:
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = (int(part) for part in MONTH_RE.match(value).groups())
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise forms.ValidationError(_("その月は表示できません。"), code="out_of_range")
        return Month(year, month)

    def choice(self) -> tuple[Month, Area | None, str]:
        """The month, area and kind to show: what was asked when valid, otherwise this month and everything."""
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("month") or Month.current(), data.get("area"), data.get("kind", "")

    def filters(self) -> dict:
        """area, kind and 申込 as month_sessions/feed_sessions keywords (nothing when the form is invalid)."""
        data = self.cleaned_data if self.is_valid() else {}
        return {"area": data.get("area"), "kind": data.get("kind", ""), "signup": data.get("signup", "")}

    def chosen_day(self, month: Month):
        """The day asked for (a link in the grid), if it lies in the month shown."""
        day = self.cleaned_data.get("day") if self.is_valid() else None
        return day if day and (day.year, day.month) == (month.year, month.month) else None
