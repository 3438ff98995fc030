"""Waiting for a page to settle before a check reads it (used by the `page` and `assert_accessible` fixtures).

A click on a link or a submit button can leave the browser between two documents: the request is in flight and
the old page still shows, or the new document has committed but is still being parsed (`documentElement` can
be null). A check that reads the page then (axe, a text, the URL) sees the wrong page or fails outright. So the
`page` fixture records every main-frame navigation request from the page's creation on, and `wait_until_settled`
waits until none is in flight and the document says `readyState === 'complete'`.
"""

import time
from weakref import WeakKeyDictionary

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Request

from tests.axe_scan import AXE_STATIC_PATH

SETTLE_TIMEOUT_S = 30
_navigations: "WeakKeyDictionary[Page, set[Request]]" = WeakKeyDictionary()


def track_navigations(page: Page) -> set[Request]:
    """Record the page's main-frame document requests that have not finished yet (idempotent)."""
    if page in _navigations:
        return _navigations[page]
    in_flight: set[Request] = set()
    _navigations[page] = in_flight

    def started(request: Request) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            in_flight.add(request)

    def ended(request: Request) -> None:
        in_flight.discard(request)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    return in_flight


def _document_state(page: Page) -> str | None:
    """readyState of the current document, or None while the document is being replaced."""
    try:
        return page.evaluate("document.readyState")
    except PlaywrightError as error:
        if "context was destroyed" in str(error) or "navigat" in str(error):
            return None
        raise


def wait_until_settled(page: Page, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
    """Return once no main-frame navigation is in flight and the document has finished loading.

    A page that did not come from the `page` fixture is tracked from this call on. Each round trip to the browser
    also delivers the request events sent before it, so an empty set after one means nothing was pending.
    """
    in_flight = track_navigations(page)
    deadline = time.monotonic() + timeout_s
    while True:
        if not in_flight and _document_state(page) == "complete" and not in_flight:
            return
        if time.monotonic() > deadline:
            pending = ", ".join(request.url for request in in_flight) or "none"
            raise AssertionError(f"{page.url} did not finish loading in {timeout_s} s (navigations in flight: {pending})")
        if in_flight:
            page.wait_for_timeout(20)  # lets Playwright deliver the requestfinished event
        else:
            try:
                page.wait_for_load_state("load", timeout=timeout_s * 1000)
            except PlaywrightError as error:
                if "context was destroyed" not in str(error) and "navigat" not in str(error):
                    raise


def page_csp_refusal(message) -> bool:
    """Whether a console message is the browser refusing something of the page's own under its CSP.

    The page's markup and its static scripts are reported with their http(s) URL. A refusal from a script the test
    itself added is not the page's doing: axe-core (tests/axe_scan.py, loaded from its own static path, or
    evaluated without a URL) puts each stylesheet an `@import` pulls in (the admin's forms.css imports
    widgets.css) into a <style> element to read its rules, which the portal's CSP rightly blocks.
    """
    url = message.location.get("url") or ""
    return (
        "Content Security Policy" in message.text
        and url.startswith(("http://", "https://"))
        and not url.endswith(AXE_STATIC_PATH)
    )
