"""Demo data that holds together: every public listing says where (its place, or each visit's place for 出張),
children aged 4–12 have activities with dates, and こども食堂 have dates. Fiction is marked 架空."""


import pytest
from django.db.models import Q
from django.utils import timezone

from community.demo_fiction import is_fictional
from community.models import Listing, Organization, Session


@pytest.fixture
def demo(demo_data):
    return demo_data


# Volunteer openings say where through their own 地域 (and are not held on dates); every other listing is held somewhere.
def _held_listings():
    return Listing.objects.published().exclude(kind="volunteers.opening")


def test_every_public_listing_has_a_place_or_a_place_for_every_visit(demo):
    upcoming = Session.objects.filter(starts_at__gte=timezone.now(), is_cancelled=False)
    nowhere = []
    for listing in _held_listings():
        if listing.place_id:
            continue
        visits = upcoming.filter(listing=listing)
        if not visits.exists() or visits.filter(place__isnull=True).exists():
            nowhere.append(listing.title)
    assert nowhere == []


def test_children_aged_4_to_12_have_activities_and_kodomo_shokudo_have_dates_all_marked_as_fiction(demo):
    kids = _held_listings().filter(Q(audience__contains="4〜12歳") | Q(audience__contains="6〜12歳"))
    assert kids.count() >= 3
    for listing in kids:
        assert listing.sessions.upcoming().exists(), listing.title
    shokudo = _held_listings().filter(title__contains="こども食堂")
    assert shokudo.count() >= 2
    for listing in shokudo:
        assert listing.sessions.upcoming().count() >= 2, listing.title
    for listing in _held_listings().filter(Q(title__contains="こども食堂") | Q(title__contains="こども将棋")):
        assert "架空" in listing.title
        assert is_fictional(listing.organization)
    assert all(org.is_fictional for org in Organization.objects.with_fiction().filter(name__contains="架空"))


def test_the_next_sessions_and_search_rows_written_at_the_loaders_end_are_those_a_full_recompute_gives(
    demo, time_machine
):
    # load_demo writes them once at its end (refresh_deferred, writes_deferred), not at each save.
    from community.finder_fields import listings_refresh_all
    from nerima_portal.models import ListingSearchText, OrganizationSearchText
    from nerima_portal.search.index import index_refresh

    # The next sessions are right as of the load, which may be minutes before this test: the recompute is made at
    # the load's end. A listing whose next session started while the demo loaded has no single right answer.
    started, ended = demo.loaded_between
    moving = set(Session.objects.filter(starts_at__gte=started, starts_at__lte=ended).values_list("listing", flat=True))

    def derived():
        return (
            dict(Listing.objects.exclude(pk__in=moving).values_list("pk", "next_session_at")),
            dict(ListingSearchText.objects.values_list("listing_id", "text")),
            dict(OrganizationSearchText.objects.values_list("organization_id", "text")),
        )

    loaded = derived()
    assert len(loaded[1]) == Listing.objects.count() and len(loaded[2]) == Organization.objects.count()
    assert any(loaded[0].values())
    time_machine.move_to(ended, tick=False)
    listings_refresh_all()
    index_refresh(everything=True)
    assert derived() == loaded
