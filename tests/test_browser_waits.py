"""The accessibility check waits for the page the browser is going to, not the one it is leaving.

A small local server gives page A (with an axe violation: an image without alt) and page B (clean), whose
headers arrive late and whose image loads slowly, so a check that did not wait would scan A or half of B.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = (
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title></head>'
    '<body><main><h1>{title}</h1>{body}</main></body></html>'
)


class SlowPages(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/slow.png":
            time.sleep(0.8)  # keeps B's load event back after its document has committed
            self.send_response(404)
            self.end_headers()
            return
        if self.path == "/b":
            time.sleep(0.5)  # the request is in flight this long
            body = PAGE.format(title="B", body='<img src="/slow.png" alt="地図">')
        else:
            body = PAGE.format(title="A", body='<a href="/b">Bへ</a><img src="/a.png">')
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture
def slow_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowPages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_after_a_click_the_check_scans_the_fully_loaded_destination(page, slow_site, assert_accessible):
    page.goto(slow_site + "/a")
    page.get_by_role("link", name="Bへ").click()  # returns once B has committed, before it has loaded

    assert_accessible(page)  # A would fail: its image has no alt

    assert page.evaluate("document.readyState") == "complete" and page.title() == "B"


def test_a_navigation_still_in_flight_is_waited_for(page, slow_site, assert_accessible):
    page.goto(slow_site + "/a")
    with page.expect_request(slow_site + "/b"):
        page.evaluate("() => { location.href = '/b'; }")  # A is still shown while B's request is in flight

    assert_accessible(page)

    assert page.evaluate("document.readyState") == "complete" and page.title() == "B"


def test_the_check_still_reports_a_violation(page, slow_site, assert_accessible):
    page.goto(slow_site + "/a")

    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
