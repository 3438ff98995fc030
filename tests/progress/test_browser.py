"""A clerk opens the fiscal-year report, downloads a section as CSV and opens the chart page; and a resident reads
「計画の進み具合」 on a phone. axe runs on every page."""

import csv
import io

from playwright.sync_api import expect

from community.exports import BOM


def test_a_clerk_downloads_the_report_and_opens_the_charts(page, live_server, login_as, assert_accessible, world, staff):
    login_as(page, staff)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="施策1の年度報告（4月〜3月）").click()
    page.get_by_label("年度", exact=True).select_option("2025")
    page.get_by_role("button", name="表示").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年度（令和7年度）")
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.locator("#care_cafes").get_by_role("link", name="CSVでダウンロード").click()
    download = download_info.value
    assert download.suggested_filename == "shisaku1-2025-care_cafes.csv"
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert ["区立施設", "1", "0", "0", "0", "1", "1", "0"] in rows

    page.get_by_role("link", name="グラフで見る").click()
    chart = page.get_by_role("img", name="街かどケアカフェの数（種類・地域別）")
    expect(chart).to_be_visible()
    assert page.locator("svg.chart").count() >= 20
    assert_accessible(page)


def test_a_resident_reads_the_plans_progress_on_a_phone(page, live_server, assert_accessible, world):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="計画の進み具合").click()
    page.get_by_label("年度", exact=True).select_option("2025")
    page.get_by_label("地域", exact=True).select_option(label="光が丘")
    page.get_by_role("button", name="表示").click()
    expect(page.get_by_text("2025年度（令和7年度）・光が丘")).to_be_visible()
    expect(page.get_by_role("img", name="相談情報ひろばの数")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 1
    assert_accessible(page)
