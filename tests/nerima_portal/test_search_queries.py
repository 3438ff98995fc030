"""Query budgets of the search, calendar and home pages: the same with 10 rows as with 1,000."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from community.models import Listing, PublicationStatus, Session
from nerima_portal.calendar import Month
from nerima_portal.models import ListingSearchText
from nerima_portal.search.folding import fold_all
from nerima_portal.search.index import BATCH, index_refresh
from tests.conftest import make_listing, make_organization, make_session
from tests.nerima_portal.search_kinds import make_every_kind

pytestmark = pytest.mark.django_db


def many(organization, place, rows: int) -> None:
    """rows published plain listings holding the word ふくろう, each with a session next month (bulk_create)."""
    listings = Listing.objects.bulk_create(
        Listing(kind="community.listing", organization=organization, place=place, title=f"ふくろうの会{i}",
                title_kana=f"ふくろうのかい{i:04}", status=PublicationStatus.PUBLISHED)
        for i in range(rows)
    )
    start = dt.datetime.combine(Month.current().next.first_day, dt.time(10), tzinfo=timezone.get_current_timezone())
    Session.objects.bulk_create(
        Session(listing=listing, starts_at=start + dt.timedelta(hours=i % 300), ends_at=start + dt.timedelta(hours=i % 300 + 1))
        for i, listing in enumerate(listings)
    )
    for i in range(rows // 10):
        make_organization(f"ふくろう会{i}", name_kana=f"ふくろうかい{i:04}")


@pytest.fixture(params=[10, 1000], ids=["10 rows", "1000 rows"])
def rows(request, organization, place):
    """Ten kinds (each with a session tomorrow, so every kind shows on every page) and `param` plain rows."""
    for listing in make_every_kind(organization, place, word="ふくろう").values():
        make_session(listing, days=1)
        make_session(listing, days=1 + (Month.current().next.first_day - timezone.localdate()).days)
    many(organization, place, request.param)
    index_refresh()
    return request.param


def test_the_search_page_costs_the_same_with_10_or_1000_listings(client, django_assert_max_num_queries, rows):
    # 1 count per kind + 1 best five per kind (window) + 10 own pages (one per kind present) + 1 best organizations
    # + 1 organization count + 1 area choices + 1 the 言いかえ table (read once, then from the cache)
    # (the index is kept on write: nothing is checked or rebuilt here)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("search"), {"q": "ふくろう"})
    assertContains(response, "ふくろう")
    assert sum(group.count for group in response.context["groups"]) == rows + 10 + rows // 10


def test_one_kind_page_costs_the_same_with_10_or_1000_listings(client, django_assert_max_num_queries, rows):
    # 1 count per kind + 1 organization count + 1 paginator count + 1 page of rows + 1 own pages of that kind
    # + 1 area choices + 1 the 言いかえ table
    with django_assert_max_num_queries(7):
        response = client.get(reverse("search"), {"q": "ふくろう", "kind": "cafes.carecafe"})
    assertContains(response, "ふくろう")
    assert len(response.context["hits"]) == 1


def test_the_calendar_costs_the_same_with_10_or_1000_sessions(client, django_assert_max_num_queries, rows):
    # 1 paginator count + 1 page of sessions (listing, organization, places, towns, areas joined)
    # + 10 own listing pages (one per kind on the page) + 1 area choices + 1 the month grid's rows
    with django_assert_max_num_queries(14):
        response = client.get(reverse("calendar"), {"month": Month.current().next.param})
    assertContains(response, "ふくろう")
    assert response.context["page_obj"].paginator.count == rows + 10


def test_the_home_page_costs_the_same_with_10_or_1000_sessions(client, django_assert_max_num_queries, rows):
    # 1 the ids of the week's next sessions; for the entries not cached (all, here): 1 those sessions (joined as on
    # the calendar) + up to 6 own listing pages (one per kind shown)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("home"))
    assertContains(response, "ふくろう")
    assert len(response.context["week"]) == 6


def test_refreshing_a_stale_index_costs_a_few_queries_per_500_rows(django_assert_max_num_queries, rows):
    Listing.objects.update(title="ふくろうの森")  # update() leaves updated_at alone: force a rebuild instead
    Listing.objects.update(updated_at=timezone.now())
    # listings: 1 select per 500 stale rows (+1 that finds none left when the last batch was full) + the upserts
    # (1 per 500 on PostgreSQL; SQLite's parameter limit splits each into several) + the care cafés' activities
    # (1 per 500); organizations: 1 select
    batches = -(-(rows + 10) // BATCH)
    fields = ListingSearchText._meta.concrete_fields
    inserts_per_batch = -(-BATCH // connection.ops.bulk_batch_size(fields, [None] * BATCH))
    with django_assert_max_num_queries(batches * (2 + inserts_per_batch) + 1 + 1):
        written = index_refresh()
    assert written == rows + 10


def test_inside_writes_deferred_the_index_is_written_once_at_the_end(organization, place):
    from nerima_portal.search.index import writes_deferred

    with writes_deferred():
        listings = [make_listing(organization, title=f"書道の会 その{n}", place=place) for n in range(3)]
        for listing in listings:
            listing.summary = "毛筆で年賀状を書きます"
            listing.save()
        organization.name = "練馬書道クラブ"
        organization.save()
        assert not ListingSearchText.objects.filter(listing__in=listings).exists()
    rows = ListingSearchText.objects.filter(listing__in=listings)
    assert rows.count() == 3 and all("年賀状" in row.text and fold_all("練馬書道クラブ") in row.text for row in rows)
