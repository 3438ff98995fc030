"""The header tools (search, text size, ふりがな, language) fold behind one summary on phones only."""

from playwright.sync_api import expect


def test_on_a_phone_the_tools_open_from_one_summary(page, live_server, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    summary = page.locator(".site-tools-panel__summary")
    expect(summary).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_hidden()
    # The page itself starts on the first screen, below a short header.
    assert page.locator(".site-header").bounding_box()["height"] < 450
    summary.click()
    expect(page.locator("#site-search-q")).to_be_visible()
    page.get_by_role("button", name="大", exact=True).click()
    expect(page.locator("html")).to_have_class("text-large")
    assert_accessible(page)


def test_on_a_wide_screen_the_tools_are_always_shown(page, live_server, assert_accessible):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    expect(page.locator(".site-tools-panel__summary")).to_be_hidden()
    expect(page.locator("#site-search-q")).to_be_visible()
    expect(page.get_by_role("button", name="大", exact=True)).to_be_visible()
    assert_accessible(page)
