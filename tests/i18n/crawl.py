"""Walk the portal with Django's test client in one language: every URL pattern once, links and GET forms.

Fast enough to cover every public and signed-in page in six languages in one test (no browser, no demo
reload per page); the browser test (test_crawl_browser.py) runs axe-core on the patterns it finds.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

from community.i18n.languages import ORIGINAL, url_prefix
from tests.nerima_portal.a11y_crawl import url_shape

# Not pages, or not in every language: the admin, the switches, files, media, logout.
SKIP = re.compile(
    r"^/(?:[a-z-]+/)?(?:admin|static|media|i18n|text-size|furigana)/|/accounts/logout|/event\.ics$|\.(ics|csv|json|pdf|png|jpe?g|zip)$"
    r"|^/(?:[a-z-]+/)?volunteers/resources/\d+/|/attachments/\d+/$"
)
PREFIX_RE = re.compile(r"^/(en|zh-hans|ko|tl|easy)(?=/)")


class _LinksAndForms(HTMLParser):
    """Hrefs of <a>, and for each GET form two URLs: as it stands and with the first choice of each question."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and "download" not in a:
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "get").lower() == "get":
            self._form = {"action": a.get("action") or "", "plain": [], "first": {}, "picked": set()}
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "reset", "image"):
            if a.get("type") in ("radio", "checkbox"):
                if a["name"] not in self._form["picked"]:
                    self._form["picked"].add(a["name"])
                    self._form["first"][a["name"]] = a.get("value", "on")
                if "checked" in a:
                    self._form["plain"].append((a["name"], a.get("value", "on")))
            else:
                self._form["plain"].append((a["name"], a.get("value", "")))
                self._form["first"][a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and a.get("value") and self._select not in self._form["first"]:
            self._form["first"][self._select] = a["value"]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def links_and_forms(html: str, page_path: str) -> list[str]:
    parser = _LinksAndForms()
    parser.feed(html)
    found = list(parser.links)
    for form in parser.forms:
        action = form["action"] or page_path
        found.append(f"{action}?{urlencode(form['plain'])}")
        found.append(f"{action}?{urlencode(list(form['first'].items()))}")
    return found


def prefixed(path: str, language: str) -> str:
    return path if language == ORIGINAL else f"/{url_prefix(language)}{path}"


def crawl(client, language: str, starts, *, follow=None, max_pages: int = 120):
    """Yield (path, response) for one page of each URL pattern reachable from starts, in `language`."""
    queue = deque(prefixed(path, language) for path in starts)
    seen, shapes = set(queue), set()
    while queue and len(shapes) < max_pages:
        url = queue.popleft()
        parts = urlsplit(url)
        shape = url_shape(PREFIX_RE.sub("", parts.path), parts.query)
        if shape in shapes:
            continue
        shapes.add(shape)
        response = client.get(url)
        yield url, response
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        for href in links_and_forms(response.content.decode(), parts.path):
            href = urldefrag(href.replace("&amp;", "&")).url.rstrip("?")
            path = urlsplit(href).path
            if not href.startswith("/") or href in seen or SKIP.search(path):
                continue
            if follow and not follow(PREFIX_RE.sub("", path)):
                continue
            seen.add(href)
            queue.append(href)
