"""Findable from outside: sitemap.xml (every kind of URL in it answers 200), schema.org JSON-LD that parses and names start,
place and organizer, a meta description per page from its content, favicon and app icons, robots.txt."""

import datetime as dt
import json
import re
from collections import defaultdict
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from community.i18n.urls import language_from_path
from community.models import PublicationStatus, Session
from tests.cafes.conftest import add_session, make_care_cafe
from tests.conftest import make_listing, make_place, make_session
from tests.nerima_portal.a11y_crawl import url_shape

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def _sitemap_urls(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, in a test
    urls = {loc.text for loc in root.findall("s:url/s:loc", NS)}
    urls |= {link.get("href") for link in root.findall("s:url/xhtml:link", NS)}
    return urls


def _jsonld(body: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def cafe(organization):
    organization.contact_phone = "03-5555-0101"
    organization.save(update_fields=["contact_phone"])
    return make_care_cafe(organization, title="石神井ふれあいカフェ", summary="体操とお茶の集まりです。",
                          place=make_place("石神井町の会館", town="石神井町", number=3))


# --- sitemap ---------------------------------------------------------------------------------------

def test_every_kind_of_url_in_the_sitemap_of_the_demo_answers_200(demo_data, client):
    urls = _sitemap_urls(client)
    assert len(urls) > 100
    paths = sorted(urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "") for url in urls)
    japanese = [path for path in paths if language_from_path(path) is None]
    translated = [path for path in paths if language_from_path(path) is not None]
    # Every page is listed once per language, each the Japanese page under a prefix (/en/…).
    assert {"/" + path.split("/", 2)[2] for path in translated} <= set(japanese)
    # The pages of one kind (every session, every café) are one view over the queryset the sitemap lists (its
    # rules are the next test's), so each kind is fetched at its first, last and six rows between, in Japanese,
    # and at its first and last in each other language: about 290 of the demo's 6,200 URLs.
    sample = []
    for language in {language_from_path(path) for path in paths}:
        by_kind = defaultdict(list)
        for path in (japanese if language is None else [p for p in translated if language_from_path(p) == language]):
            by_kind[url_shape(*path.partition("?")[::2])].append(path)
        for kind_paths in by_kind.values():
            step = max(1, len(kind_paths) // 7) if language is None else len(kind_paths)
            sample += kind_paths[::step] + kind_paths[-1:]
    failures = [(path, status) for path in sorted(set(sample)) if (status := client.get(path).status_code) != 200]
    assert not failures
    assert len(set(sample)) > 50


def test_the_sitemap_lists_public_listings_places_and_upcoming_sessions_only(client, cafe, organization):
    upcoming = add_session(cafe)
    past = Session.objects.create(listing=cafe, starts_at=timezone.now() - dt.timedelta(days=3),
                                  ends_at=timezone.now() - dt.timedelta(days=3, hours=-1))
    cancelled = add_session(cafe, weeks_ahead=1, is_cancelled=True)
    draft = make_care_cafe(organization, title="下書き", status=PublicationStatus.DRAFT,
                           place=make_place("下書きの会場", town="豊玉北", number=5))
    paths = {urlsplit(url).path for url in _sitemap_urls(client)}
    assert cafe.get_absolute_url() in paths
    assert cafe.place.get_absolute_url() in paths
    assert reverse("community:session_detail", args=[upcoming.pk]) in paths
    assert reverse("community:organization_detail", args=[organization.pk]) in paths
    assert reverse("cafes:index") in paths
    for hidden in (reverse("community:session_detail", args=[past.pk]),
                   reverse("community:session_detail", args=[cancelled.pk]),
                   draft.get_absolute_url(), draft.place.get_absolute_url()):
        assert hidden not in paths


def test_the_sitemap_names_every_language_of_each_page(client, cafe):
    response = client.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, in a test
    url = next(u for u in root.findall("s:url", NS) if urlsplit(u.find("s:loc", NS).text).path == cafe.get_absolute_url())
    languages = {link.get("hreflang") for link in url.findall("xhtml:link", NS)}
    assert {"ja", "en", "zh-hans", "ko", "tl", "x-default"} <= languages


def test_robots_txt_points_at_the_sitemap_and_keeps_personal_pages_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /mypage/" in body and "Disallow: /admin/" in body


# --- JSON-LD -----------------------------------------------------------------------------------------

def test_a_session_page_carries_an_event_with_start_place_and_organizer(client, cafe):
    session = add_session(cafe, capacity=12)
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    (event,) = _jsonld(body)
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    assert event["name"] == "石神井ふれあいカフェ"
    assert dt.datetime.fromisoformat(event["startDate"]) == session.starts_at
    assert event["startDate"].endswith("+09:00")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"]["@type"] == "Place" and event["location"]["name"] == "石神井町の会館"
    assert event["location"]["address"]["addressLocality"] == "練馬区"
    assert event["location"]["geo"]["latitude"] == pytest.approx(35.74, abs=0.02)
    organizer = event["organizer"]
    assert (organizer["@type"], organizer["name"], organizer["telephone"]) == (
        "Organization", cafe.organization.name, "03-5555-0101"
    )
    assert organizer["url"].endswith(cafe.organization.get_absolute_url())
    assert event["maximumAttendeeCapacity"] == 12


def test_a_cancelled_session_says_so_in_its_event(client, cafe):
    session = add_session(cafe, is_cancelled=True)
    (event,) = _jsonld(client.get(reverse("community:session_detail", args=[session.pk])).content.decode())
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_title_with_markup_cannot_break_out_of_the_json_block(client, organization, place):
    listing = make_listing(organization, place=place, title="</script><script>alert(1)</script>")
    session = make_session(listing)
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert "<script>alert(1)" not in body
    (event,) = _jsonld(body)
    assert event["name"] == "</script><script>alert(1)</script>"


def test_a_place_page_carries_a_place_and_lists_what_is_held_there(client, cafe):
    session = add_session(cafe)
    response = client.get(cafe.place.get_absolute_url())
    body = response.content.decode()
    (place,) = _jsonld(body)
    assert place["@type"] == "Place" and place["name"] == "石神井町の会館"
    assert place["address"]["postalCode"] == "177-0041"
    assert set(place["geo"]) == {"@type", "latitude", "longitude"}
    assert "石神井ふれあいカフェ" in body
    assert reverse("community:session_detail", args=[session.pk]) in body
    assert 'id="place-map-points"' in body


def test_a_place_nobody_public_uses_has_no_page(client, organization):
    private = make_place("団体の事務所", town="豊玉北", number=5)
    make_listing(organization, place=private, status=PublicationStatus.DRAFT)
    assert client.get(private.get_absolute_url()).status_code == 404


# --- meta description, icons -----------------------------------------------------------------------

def _description(body: str) -> str:
    return re.search(r'<meta name="description" content="([^"]*)">', body).group(1)


def test_each_page_describes_its_own_content(client, cafe):
    session = add_session(cafe)
    cafe_page = _description(client.get(cafe.get_absolute_url()).content.decode())
    session_page = _description(client.get(reverse("community:session_detail", args=[session.pk])).content.decode())
    finder = _description(client.get(reverse("cafes:index")).content.decode())
    home = _description(client.get(reverse("home")).content.decode())
    assert "体操とお茶の集まりです。" in cafe_page
    assert "石神井ふれあいカフェ" in session_page and "石神井町の会館" in session_page
    assert "街かどケアカフェ" in finder
    assert "練馬区" in home
    assert len({cafe_page, session_page, finder, home}) == 4
    assert all(0 < len(text) <= 120 for text in (cafe_page, session_page, finder, home))


def test_favicon_and_app_icons(client):
    body = client.get(reverse("home")).content.decode()
    assert 'rel="icon"' in body and 'rel="apple-touch-icon"' in body and 'rel="manifest"' in body
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("icons/favicon.ico")
    for name in ("favicon.ico", "favicon-32.png", "apple-touch-icon.png", "icon-192.png", "icon-512.png"):
        assert finders.find(f"icons/{name}"), name
    manifest = json.loads(open(finders.find("icons/site.webmanifest"), encoding="utf-8").read())
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


# Expected queries on a place page: 1 the place with its 丁目, town and area  2 public listings held there
# 3 those listings as their own kind (one kind here)  4 upcoming sessions held there with listing and venue.
@pytest.mark.parametrize("count", [10, 1000])
def test_place_page_query_budget(client, cafe, django_assert_max_num_queries, count):
    from tests.cafes.conftest import bulk_care_cafes

    bulk_care_cafes(cafe.organization, [cafe.place], count=count, sessions_each=1)
    with django_assert_max_num_queries(4):
        response = client.get(cafe.place.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["listings"]) == min(count + 1, 50)
    assert len(response.context["sessions"]) == min(count, 12)


# Expected queries on a session page for a visitor, its cached parts missing (the first visit after a change):
# 1 the session with listing and organization  2 confirmed seats  3 the venue with its 丁目 and town (the Event's
# address)  4 the session for the cached body  5 the listing as its own kind (the breadcrumb's link). Once cached:
# 1 and 2 only (tests/community/test_session_fragment.py).
def test_session_page_with_its_event_markup_keeps_its_budget(client, cafe, django_assert_max_num_queries):
    session = add_session(cafe, capacity=10)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("community:session_detail", args=[session.pk]))
    assert response.status_code == 200 and "application/ld+json" in response.content.decode()
    assert "石神井ふれあいカフェ" in response.content.decode()
