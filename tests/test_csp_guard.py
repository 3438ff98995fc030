"""The `page` fixture's CSP guard (tests/browser.py: page_csp_refusal): a style or script the page itself puts inline
is caught, from its markup or its own static scripts; a <style> that the test's own axe-core adds while reading
stylesheets (evaluated, from a file, or loaded from its static path) is not the page's and is not."""

import time

import pytest

from tests.axe_scan import AXE_STATIC_PATH
from tests.browser import page_csp_refusal

# A page of its own from the context: the guarded `page` fixture would (rightly) fail on this page's refusals.
pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="ja"><head><title>テスト</title><style>p { color: red }</style></head>
<body><p style="color: blue">本文</p><script>document.body.setAttribute("style", "color: red")</script></body></html>"""


def wait_for(page, condition, timeout_s: float = 10) -> None:
    """Let the browser's events arrive until `condition()` holds (console messages come after the refusal)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(20)


def serve_script(body: str):
    # One parameter: Playwright passes (route, request) to a handler that takes two.
    return lambda route: route.fulfill(status=200, body=body, headers={"Content-Type": "text/javascript"})


def test_the_pages_own_inline_style_and_script_count_and_the_tests_injected_style_does_not(
    live_server, context, tmp_path
):
    # What axe-core does with an @import'ed sheet, from a script the test injects: once from a file (an init
    # script, as the admin crawl adds axe) and once by evaluate (as assert_accessible does).
    injected = tmp_path / "injected.js"
    injected.write_text("""window.addStyle = () => { const s = document.createElement("style");
                              s.textContent = "p { margin: 0 }"; document.head.appendChild(s); };""")
    context.add_init_script(path=str(injected))
    page = context.new_page()
    seen = []
    page.on("console", lambda message: seen.append(message) if "Content Security Policy" in message.text else None)
    url = f"{live_server.url}/csp-guard-test/"
    page.route(url, lambda route: route.fulfill(
        status=200, body=PAGE,
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "style-src 'self'; script-src 'self'"},
    ))
    page.goto(url)
    wait_for(page, lambda: len(seen) >= 3)  # the <style>, the style attribute and the inline script
    page.evaluate("() => window.addStyle()")
    wait_for(page, lambda: len(seen) >= 4)
    page.evaluate("""() => { const s = document.createElement("style"); s.textContent = "p { padding: 0 }";
                             document.head.appendChild(s); }""")
    wait_for(page, lambda: len(seen) >= 5)
    # A script of the page's own among the static files, and axe-core from the path the tests serve it at.
    add_style = """window.STYLE_NAME = () => { const s = document.createElement("style");
                   s.textContent = "p { border: 0 }"; document.head.appendChild(s); };"""
    for path, name in ((f"/static/{AXE_STATIC_PATH}", "axeStyle"), ("/static/js/page-own.js", "ownStyle")):
        page.route(live_server.url + path, serve_script(add_style.replace("STYLE_NAME", name)))
        page.add_script_tag(url=live_server.url + path)
    page.evaluate("() => window.axeStyle()")
    wait_for(page, lambda: len(seen) >= 6)
    page.evaluate("() => window.ownStyle()")
    wait_for(page, lambda: len(seen) >= 7)
    assert [page_csp_refusal(message) for message in seen] == [True, True, True, False, False, False, True]
    page.close()
