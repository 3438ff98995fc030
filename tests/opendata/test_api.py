"""The read-only API: every response validated against its own OpenAPI schema, pagination, filters, caching,
no private rows, and query budgets that do not grow with the number of rows."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone
from jsonschema import Draft202012Validator

from community.models import Listing, PublicationStatus, Session
from tests.conftest import make_organization, make_place


@pytest.fixture
def openapi(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def validate(openapi, path: str, response, status: int = 200):
    """Check the body against the schema the API publishes for this path and status."""
    assert response.status_code == status, response.content
    schema = openapi["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": openapi["components"], **schema}
    errors = sorted(Draft202012Validator(document).iter_errors(response.json()), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    return response.json()


def test_the_schema_is_openapi_3_and_versioned(openapi):
    assert openapi["openapi"].startswith("3.") and openapi["info"]["version"] == "1"
    assert set(openapi["paths"]) == {"/api/v1/listings", "/api/v1/listings/{listing_id}", "/api/v1/places",
                                     "/api/v1/sessions"}
    assert "CC BY 4.0" in openapi["info"]["description"]


def test_listings_validate_and_hold_only_published_rows(client, openapi, public_data):
    body = validate(openapi, "/api/v1/listings", client.get("/api/v1/listings"))
    titles = {item["title"] for item in body["items"]}
    assert "ひだまりカフェ" in titles and "下書きの催し" not in titles
    assert body["count"] == len(body["items"]) == 4 and body["license"].startswith("https://creativecommons.org/")
    cafe = next(item for item in body["items"] if item["title"] == "ひだまりカフェ")
    assert cafe["kind"] == "cafes.carecafe" and cafe["url"].endswith(f"/cafes/care/{public_data.cafe.pk}/")
    assert cafe["place"]["latitude"] == 35.735 and cafe["place"]["coordinates_are_representative"] is False


def test_a_listing_and_a_missing_or_draft_listing(client, openapi, public_data):
    body = validate(openapi, "/api/v1/listings/{listing_id}", client.get(f"/api/v1/listings/{public_data.plaza.pk}"))
    assert body["title"] == "いこいのひろば" and body["place"]["coordinates_are_representative"] is True
    assert client.get(f"/api/v1/listings/{public_data.draft.pk}").status_code == 404
    assert client.get("/api/v1/listings/999999").status_code == 404


def test_places_are_only_those_public_listings_use(client, openapi, public_data):
    make_place("だれも使っていない場所")
    body = validate(openapi, "/api/v1/places", client.get("/api/v1/places"))
    assert {item["name"] for item in body["items"]} == {"測量した会館", "代表点の集会所"}
    oizumi = validate(openapi, "/api/v1/places", client.get("/api/v1/places", {"area": "oizumi"}))
    assert [item["name"] for item in oizumi["items"]] == ["代表点の集会所"]


def test_sessions_filter_by_dates_area_and_kind(client, openapi, public_data):
    d = public_data
    body = validate(openapi, "/api/v1/sessions", client.get("/api/v1/sessions"))
    assert [item["id"] for item in body["items"]] == [d.session.pk, d.plaza_session.pk, d.cancelled.pk, d.far.pk]
    to = (timezone.localdate() + dt.timedelta(days=6)).isoformat()
    week = validate(openapi, "/api/v1/sessions", client.get("/api/v1/sessions", {"to": to, "area": "oizumi"}))
    assert [item["id"] for item in week["items"]] == [d.plaza_session.pk]
    past = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    kind = validate(openapi, "/api/v1/sessions", client.get("/api/v1/sessions", {"from": past, "kind": "cafes.carecafe"}))
    assert d.past.pk in [item["id"] for item in kind["items"]] and d.plaza_session.pk not in [i["id"] for i in kind["items"]]
    assert kind["items"][0]["ics_url"].endswith(f"/sessions/{d.past.pk}/event.ics")


def test_bad_parameters_are_refused_with_422(client, public_data):
    assert client.get("/api/v1/sessions", {"from": "昨日"}).status_code == 422
    assert client.get("/api/v1/listings", {"page_size": 101}).status_code == 422
    assert client.get("/api/v1/listings", {"page": 0}).status_code == 422


def test_the_api_writes_nothing_and_serves_no_person(client, public_data):
    assert client.post("/api/v1/listings", {}).status_code == 405
    text = client.get("/api/v1/sessions").content.decode()
    assert "個人 情報子" not in text and "090-9999-0000" not in text


def _listings(count: int):
    """`count` published listings, each with its own place and one upcoming session (bulk-created)."""
    from community.models import Chome, Place

    organization = make_organization("たくさんの会", kind="npo", name_kana="たくさん")
    chome = Chome.objects.get(town__name="豊玉北", number=5)
    places = Place.objects.bulk_create([Place(name=f"会館{n:04d}", address="東京都練馬区豊玉北5丁目", chome=chome)
                                        for n in range(count)])
    listings = Listing.objects.bulk_create([
        Listing(kind="community.listing", organization=organization, title=f"集い{n:04d}", title_kana="つどい",
                place=place, status=PublicationStatus.PUBLISHED) for n, place in enumerate(places)
    ])
    start = timezone.now() + dt.timedelta(days=1)
    Session.objects.bulk_create([
        Session(listing=listing, starts_at=start + dt.timedelta(minutes=n), ends_at=start + dt.timedelta(minutes=n + 60))
        for n, listing in enumerate(listings)
    ])


@pytest.mark.parametrize("count", [10, 1000])
@pytest.mark.parametrize("path", ["/api/v1/listings", "/api/v1/places", "/api/v1/sessions"])
def test_each_list_has_a_fixed_query_budget_and_a_cache(client, openapi, count, path, django_assert_max_num_queries):
    _listings(count)
    cache.clear()
    # count + one page of rows (listings: + one query per kind on the page for their page address) = 3 at most.
    with django_assert_max_num_queries(3):
        response = client.get(path, {"page_size": 100})
    body = validate(openapi, path, response)
    assert len(body["items"]) == min(count, 100) and body["count"] == count
    if count > 100:
        assert body["next"].endswith("page=2") and body["previous"] is None
    with django_assert_max_num_queries(0):
        assert client.get(path, {"page_size": 100}).status_code == 200  # served from the cache for five minutes


def test_an_unknown_fee_is_not_written_as_free(client, public_data):
    from opendata.selectors import event_rows
    from opendata.standard import EVENT_COLUMNS

    rows = [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in event_rows()]
    plaza = next(row for row in rows if row["イベント名"] == "秋の交流会")  # no fee given anywhere
    assert plaza["料金(基本)"] == "" and plaza["料金(詳細)"] == ""
    cafe = next(row for row in rows if row["イベント名"] == "ひだまりカフェ" and row["料金(詳細)"] == "無料")
    assert cafe["料金(基本)"] == 0
