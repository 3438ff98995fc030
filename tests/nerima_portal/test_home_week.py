"""The home page: the six ways in, a search box, and the next seven days' sessions from the calendar."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.models import Place, PublicationStatus
from nerima_portal.models import ListingSearchText
from tests.conftest import make_listing, make_place, make_session

pytestmark = pytest.mark.django_db


def test_home_has_a_labelled_search_box_of_its_own(client):
    body = client.get(reverse("home")).content.decode()
    assert '<label for="home-search-q">ことばでさがす</label>' in body
    assert 'id="site-search-q"' in body  # and the header's, with another id


def test_home_lists_the_next_seven_days_sessions_and_links_them(client, listing):
    soon = make_session(listing, days=2, title="春の体操")
    later = make_session(listing, days=9, title="夏の体操")
    response = client.get(reverse("home"))
    assert [entry.pk for entry in response.context["week"]] == [soon.pk]
    body = response.content.decode()
    assert reverse("community:session_detail", args=[soon.pk]) in body
    assert reverse("community:session_detail", args=[later.pk]) not in body
    assert reverse("calendar") in body


def test_home_shows_a_session_moved_to_another_place_at_once(client, listing):
    # The week's entries come from cached fragments: an edit retires them with the content version.
    session = make_session(listing, days=2, title="春の体操")
    assert listing.place.name in client.get(reverse("home")).content.decode()
    session.place = make_place("光が丘の集会室", town="光が丘", number=2)
    session.save(update_fields=["place"])
    assert "光が丘の集会室" in client.get(reverse("home")).content.decode()


def test_home_leaves_out_cancelled_and_unpublished_sessions(client, organization, place, listing):
    make_session(listing, days=1, is_cancelled=True)
    make_session(make_listing(organization, place=place, status=PublicationStatus.DRAFT), days=1)
    response = client.get(reverse("home"))
    assert response.context["week"] == []
    assert "これから7日間に予定されている催しはまだありません" in response.content.decode()


def test_home_shows_at_most_six(client, listing):
    for hour in range(8):
        make_session(listing, days=1, hour=9 + hour)
    assert len(client.get(reverse("home")).context["week"]) == 6


def test_the_reindex_command_rebuilds_after_a_place_is_renamed(listing):
    call_command("search_reindex")
    Place.objects.filter(pk=listing.place_id).update(name="ひまわり会館")  # places carry no timestamp
    call_command("search_reindex", stale=True)
    assert "ひまわり" not in ListingSearchText.objects.get(listing=listing).text
    call_command("search_reindex")
    assert "ひまわり会館" in ListingSearchText.objects.get(listing=listing).text


def test_a_session_starting_in_six_days_and_23_hours_is_in_the_week(client, listing):
    from community.models import Session

    start = timezone.now() + dt.timedelta(days=6, hours=23)
    session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    assert [entry.pk for entry in client.get(reverse("home")).context["week"]] == [session.pk]
