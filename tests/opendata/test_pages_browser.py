"""The open data page and the API description pass axe on a phone, and their downloads are real files."""

from playwright.sync_api import expect


def test_the_open_data_pages_on_a_phone(page, live_server, assert_accessible, public_data):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="オープンデータ・API").click()
    expect(page.get_by_role("heading", level=1, name="オープンデータ・API")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="131202_event.csv").click()
    assert download_info.value.suggested_filename == "131202_event.csv"
    page.get_by_role("link", name="APIの説明").click()
    expect(page.get_by_role("heading", level=1, name="APIの説明")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 1
