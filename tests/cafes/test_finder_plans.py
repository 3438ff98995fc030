"""At scale the finders are index scans: PostgreSQL's plans for every query of the finder pages, with thousands of
cafés and tens of thousands of sessions spread over weekdays, times and areas, never read the sessions or listings
tables whole, and use the indexes made for them (the stored weekday, start time, venue and next session)."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cafes.models import KidsCafe
from community.finder_fields import listings_refresh_passed
from community.models import Chome, Listing, Place, PublicationStatus, Session
from nerima_portal.calendar import week_sessions
from tests import table_rows
from tests.cafes.conftest import at, bulk_care_cafes, bulk_create_children, next_weekday
from tests.conftest import make_organization

pytestmark = pytest.mark.django_db
CAFES, WEEKS = 2000, 8
BIG_TABLES = {"community_session", "community_listing"}


@pytest.fixture(scope="module")
def ward(django_db_setup, django_db_blocker):
    """2,000 care cafés and 200 kids' cafés in four areas, each meeting weekly on its own weekday and hour, among
    6,000 other listings (as in the ward, where cafés are a small part of everything listed).

    Made once for the module and committed (each test still runs in its own transaction, rolled back), then the
    database is emptied as after a transactional test: making it took most of this module's time when each test
    made its own.
    """
    with django_db_blocker.unblock():
        _make_ward(make_organization("規模試験の会（架空）", kind="npo"))
        try:
            yield
        finally:
            # Back to the migrations' rows, as after a transactional test (the organization's history rows too).
            table_rows.put_back_migrated()


def _make_ward(organization):
    # 60 places spread over the ward's 丁目, as organizations' places are.
    chomes = list(Chome.objects.order_by("pk"))
    places = Place.objects.bulk_create(
        Place(name=f"会場{n}", address=f"東京都練馬区{chome}", chome=chome) for n, chome in enumerate(chomes[:: len(chomes) // 60])
    )
    cafes = bulk_care_cafes(organization, places, count=CAFES)
    kids = Listing.objects.bulk_create([
        Listing(kind=KidsCafe._meta.label_lower, organization=organization, title=f"こども{n:04d}",
                title_kana=f"こども{n:04d}", place=places[n % len(places)], status=PublicationStatus.PUBLISHED)
        for n in range(CAFES // 10)
    ])
    bulk_create_children(KidsCafe, kids)
    Listing.objects.bulk_create([
        Listing(kind=Listing._meta.label_lower, organization=organization, title=f"その他{n:04d}", title_kana=f"そのた{n:04d}",
                place=places[n % len(places)], status=PublicationStatus.PUBLISHED)
        for n in range(CAFES * 3)
    ])
    Session.objects.bulk_create([
        Session(listing_id=listing.pk, starts_at=at(next_weekday(n % 6), 9 + n % 8) + dt.timedelta(weeks=week),
                ends_at=at(next_weekday(n % 6), 11 + n % 8) + dt.timedelta(weeks=week))
        for n, listing in enumerate([*cafes, *kids]) for week in range(WEEKS)
    ])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def plans_of(client, url: str, params: dict) -> list[tuple[str, str]]:
    """(SQL, PostgreSQL's plan as JSON text) for each SELECT the page ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(url), params)
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count > 0
    plans = []
    with connection.cursor() as cursor:
        # Whether an index CAN serve each query, not which plan the costs favour on this small sample today (a whole
        # read of 8,000 listings is sometimes cheaper, and the choice moved with the hour the sessions fall on).
        # With sequential scans priced out, a Seq Scan left in a plan means no index fits the query.
        cursor.execute("SET enable_seqscan = off")
        try:
            for query in queries.captured_queries:
                if query["sql"].startswith("SELECT"):
                    cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
                    plans.append((query["sql"], json.dumps(cursor.fetchone()[0])))
        finally:
            cursor.execute("RESET enable_seqscan")
    return plans


def seq_scans(plans) -> dict[str, str]:
    """The big tables some plan reads whole, each with (the start of) the query that does."""
    return {table: sql[:300] for sql, plan in plans for table in BIG_TABLES if _seq_scan_on(plan, table)}


def indexes_used(plans) -> set[str]:
    def walk(node):
        found = {node["Index Name"]} if "Index Name" in node else set()
        return found.union(*(walk(child) for child in node.get("Plans", [])))

    return set().union(*(walk(entry["Plan"]) for _sql, plan in plans for entry in json.loads(plan)))


def _seq_scan_on(plan: str, table: str) -> bool:
    def walk(node):
        if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") == table:
            return True
        return any(walk(child) for child in node.get("Plans", []))

    return any(walk(entry["Plan"]) for entry in json.loads(plan))


@pytest.mark.parametrize(
    "url, params, index",
    [
        ("cafes:index", {}, "listing_kind_next_session_idx"),
        ("cafes:index", {"weekday": "2", "time_of_day": "am"}, "session_weekday_start_idx"),
        ("cafes:index", {"area": "shakujii", "weekday": "4"}, "session_weekday_start_idx"),
        ("cafes:index", {"area": "hikarigaoka"}, "session_"),  # the start order or the venue: the planner's pick
        ("cafes:index", {"weekday": "1", "sort": "kana"}, "session_weekday_start_idx"),
        ("cafes:kids_index", {}, "listing_kind_"),  # few kids' cafés: (kind, status) and a small sort will do
        ("cafes:kids_index", {"weekday": "3"}, "session_weekday_start_idx"),
    ],
    ids=["all cafés", "weekday and morning", "area and weekday", "area", "weekday by reading", "kids", "kids weekday"],
)
def test_finder_pages_read_the_sessions_and_listings_through_their_indexes(client, ward, url, params, index):
    plans = plans_of(client, url, params)

    assert seq_scans(plans) == {}
    assert any(name.startswith(index) or name.startswith(f"community_{index}") for name in indexes_used(plans)), (
        indexes_used(plans)
    )


def test_moving_passed_next_sessions_on_finds_them_on_their_index(ward, django_assert_max_num_queries):
    # Between two runs of refresh_next_sessions only a few listings' next sessions start: 20 of 8,200 here.
    started = list(Listing.objects.filter(next_session_at__isnull=False).order_by("pk").values_list("pk", flat=True)[:20])
    Listing.objects.filter(pk__in=started).update(next_session_at=timezone.now() - dt.timedelta(minutes=5))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE community_listing")
    passed = Listing.objects.filter(next_session_at__lt=timezone.now()).values("pk")
    sql, params = passed.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = json.dumps(cursor.fetchone()[0])

    assert "listing_next_session_idx" in plan
    assert not _seq_scan_on(plan, "community_listing")
    # One read of the passed ones, the lookup of the kids' cafés hosting any of them, one UPDATE of the listings
    # and one of their hosts (a kids' café's next date counts its lectures): the same whatever the count.
    with django_assert_max_num_queries(4):
        listings_refresh_passed()
    # Each is moved on to its real next session (still ahead), found again on its sessions.
    assert not Listing.objects.filter(pk__in=started, next_session_at__lt=timezone.now()).exists()


def test_the_home_pages_week_stops_at_its_first_sessions_in_start_and_id_order(ward):
    # About 45 of the ward's sessions share each start time here (737 shared the first one at ten times the ward's
    # data): ordered by (starts_at, id) from their index, PostgreSQL reads six and stops, sorting nothing.
    week = week_sessions().values_list("pk", "starts_at")
    sql, params = week.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = json.dumps(cursor.fetchone()[0])

    assert "session_start_id_idx" in plan
    assert '"Sort"' not in plan and '"Incremental Sort"' not in plan, plan
    assert len(list(week)) == 6
