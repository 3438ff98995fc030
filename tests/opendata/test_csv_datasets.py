"""The three CSV datasets: exactly the standard's columns, required cells filled, parsed back, nothing personal."""

import csv
import io
import re

import pytest
from django.urls import reverse

from community.demo_fiction import mark_fictional
from community.exports import BOM
from opendata import standard
from opendata.selectors import DATASETS
from tests.conftest import make_session
from tests.csv_checks import assert_written_as_text, rows_of, typed_values

KATAKANA = re.compile(r"^[\u30a0-\u30ff\s・ー]+$")


def download(client, key):
    response = client.get(reverse("opendata:csv", args=[key]))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == f'<{standard.LICENSE_URL}>; rel="license"'
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    return response, rows


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.key for d in DATASETS])
def test_each_file_has_exactly_the_standards_columns_and_its_required_cells(client, public_data, dataset):
    response, rows = download(client, dataset.key)
    header = next(csv.reader(io.StringIO(response.content.decode().removeprefix(BOM))))
    assert header == dataset.columns
    assert rows, dataset.key
    for row in rows:
        assert None not in row  # no row longer than the header
        for column in dataset.required:
            assert row[column], (dataset.key, column, row)
        assert row["都道府県コード又は市区町村コード"] == "131202" and row["市区町村名"] == "練馬区"
        kana = row.get("名称_カナ") or row.get("イベント名_カナ")
        assert KATAKANA.match(kana), kana
        assert float(row["緯度"]) and float(row["経度"])
    assert f'filename="{dataset.filename()}"' in response["Content-Disposition"]


def test_the_event_list_has_one_row_per_public_upcoming_session(client, public_data):
    _response, rows = download(client, "event")
    numbers = {int(row["NO"]) for row in rows}
    d = public_data
    assert numbers == {d.session.pk, d.plaza_session.pk, d.cancelled.pk}  # not past, not 120 days ahead, not a draft
    event = next(row for row in rows if int(row["NO"]) == d.session.pk)
    assert (event["イベント名"], event["イベント名_カナ"], event["料金(基本)"], event["定員"]) == \
        ("ひだまりカフェ", "ヒダマリカフェ", "0", "20")
    assert event["緯度"] == "35.735000" and "代表点" not in event["備考"]
    assert event["参加申込方法"] == "ポータルから申込" and event["参加申込終了日"]
    assert event["連絡先電話番号"] == "03-0000-1234"
    cancelled = next(row for row in rows if int(row["NO"]) == d.cancelled.pk)
    assert cancelled["開始日時特記事項"] == "台風のため" and cancelled["備考"].startswith("中止")


def test_a_place_without_its_own_point_uses_its_chomes_representative_point_and_says_so(client, public_data):
    _response, rows = download(client, "public_facility")
    plaza = next(row for row in rows if row["名称"] == "いこいのひろば")
    assert (plaza["緯度"], plaza["経度"]) == ("35.748681", "139.591891")  # 東大泉一丁目 in chome_points.csv
    assert "国土交通省 位置参照情報" in plaza["備考"] and plaza["方書"] == "2階"
    cafe = next(row for row in rows if row["名称"] == "ひだまりカフェ")
    assert cafe["バリアフリー情報"] == "車いすで入れる;多目的トイレあり"
    assert {row["名称"] for row in rows} == {"ひだまりカフェ", "いこいのひろば"}  # the travelling café has no address


def test_the_kids_cafe_list_leaves_the_kind_empty_and_says_what_it_is(client, public_data):
    _response, rows = download(client, "child_care_facility")
    assert [row["名称"] for row in rows] == ["こどもカフェ ぽかぽか"]
    assert rows[0]["種別"] == "" and "練馬こどもカフェ" in rows[0]["備考"] and rows[0]["受入年齢"] == "0〜2歳"


@pytest.mark.parametrize("dataset", DATASETS, ids=[d.key for d in DATASETS])
def test_no_file_holds_a_person(client, public_data, dataset):
    text = client.get(reverse("opendata:csv", args=[dataset.key])).content.decode()
    assert "個人 情報子" not in text and "090-9999-0000" not in text and "アレルギー" not in text


def test_the_files_are_japanese_whatever_the_visitors_language(client, public_data):
    client.cookies["django_language"] = "en"
    _response, rows = download(client, "public_facility")
    assert any("街かどケアカフェ（区立施設）" in row["説明"] for row in rows)


def test_event_titles_typed_as_formulas_are_written_as_text(client, public_data):
    values = typed_values("お茶会")
    for n, value in enumerate(values):
        make_session(public_data.cafe, days=6 + n, title=value)
    rows = rows_of(client.get(reverse("opendata:csv", args=["event"])))
    assert rows[0] == next(dataset for dataset in DATASETS if dataset.key == "event").columns
    assert_written_as_text(rows, values)
    title = rows[0].index("イベント名")
    assert {row[title] for row in rows[1:]} >= {"'" + value for value in values}


def test_an_unknown_dataset_is_404(client, db):
    assert client.get(reverse("opendata:csv", args=["toilets"])).status_code == 404


def test_the_open_data_page_lists_files_feeds_and_api_with_licence_and_update_time(client, public_data):
    body = client.get(reverse("opendata:index")).content.decode()
    for dataset in DATASETS:
        assert dataset.standard_name in body and str(dataset.title) in body and dataset.filename() in body
    assert "CC BY 4.0" in body and standard.LICENSE_URL in body
    assert "/opendata/calendar.ics?area=oizumi" in body and "/api/v1/openapi.json" in body
    assert re.search(r"<td>\d{4}年\d{1,2}月\d{1,2}日", body)  # the update time of each file


def test_a_fictional_listing_of_a_real_organization_is_marked_in_the_events(client, public_data):
    mark_fictional(public_data.cafe)
    _response, rows = download(client, "event")
    cafe_rows = [row for row in rows if row["イベント名"] == "ひだまりカフェ"]
    assert cafe_rows and all("架空のデモデータ" in row["備考"] for row in cafe_rows)
    plaza = next(row for row in rows if row["イベント名"] == "秋の交流会")
    assert "架空" not in plaza["備考"]
    listing = client.get(f"/api/v1/listings/{public_data.cafe.pk}").json()
    assert listing["is_fictional"] is True


def test_everything_a_fictional_organization_runs_is_marked_in_every_file_and_the_api(client, public_data):
    mark_fictional(public_data.org)

    for key in ("event", "public_facility", "child_care_facility"):
        _response, rows = download(client, key)
        assert rows and all("架空のデモデータ" in row["備考"] for row in rows), key
    for listing in client.get("/api/v1/listings").json()["items"]:
        assert listing["is_fictional"] is True, listing["title"]


def test_nothing_real_is_marked_as_fiction(client, public_data):
    for key in ("event", "public_facility", "child_care_facility"):
        _response, rows = download(client, key)
        assert rows and not any("架空" in row["備考"] for row in rows), key
    assert not any(listing["is_fictional"] for listing in client.get("/api/v1/listings").json()["items"])


@pytest.mark.parametrize("count", [10, 1000])
def test_the_event_file_has_a_fixed_query_budget(client, public_data, count, django_assert_max_num_queries):
    import datetime as dt

    from django.utils import timezone

    from community.models import Session

    start = timezone.now() + dt.timedelta(days=2)
    Session.objects.bulk_create([
        Session(listing=public_data.cafe, starts_at=start + dt.timedelta(minutes=n), ends_at=start + dt.timedelta(minutes=n + 30))
        for n in range(count)
    ])
    # The sessions with listing, organization and both places (one join), then each listing as its own kind
    # (one query per kind: cafés and plazas) = 3, however many sessions.
    with django_assert_max_num_queries(3):
        response = client.get(reverse("opendata:csv", args=["event"]))
    assert response.content.decode().count("\r\n") == 1 + count + 3  # header, the new sessions, the fixture's 3
