"""Which elements of a page axe has already judged: each element as the path to it, words and names aside.

The crawls run axe-core on hundreds of pages that are mostly the same templates with other words, fields and
rows. axe judges an element by its tag, role, type, classes (hence its CSS), its language and those of its
ancestors; so a page whose every element path was on a page axe already checked has nothing new to show it, and
the crawls skip the scan (they still open the page and check its status and layout).
"""

import re
from html.parser import HTMLParser

# Class names that only name the model or field a row shows (field-title, column-title, model-listing, app-cafes).
NAMED_CLASS = re.compile(r"^(field|column|model|app|dynamic)-")
KEPT_ATTRIBUTES = ("role", "type", "scope", "aria-hidden", "lang")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Paths(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.paths: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        classes = ".".join(sorted(c for c in (values.get("class") or "").split() if not NAMED_CLASS.match(c)))
        kept = ",".join(f"{k}={values[k]}" for k in KEPT_ATTRIBUTES if k in values)
        path = f"{self.stack[-1][1] if self.stack else ''}/{tag}.{classes}[{kept}]"
        # Which attributes it has (alt, aria-label, for …), not their values.
        self.paths.add(f"{path}({','.join(sorted(k for k in values if k not in ('class', 'style')))})")
        if tag not in VOID:
            self.stack.append((tag, path))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _path in self.stack):
            while self.stack.pop()[0] != tag:  # elements the end tag closes implicitly (an open <li> or <p>)
                pass


def element_paths(html: str) -> set[str]:
    parser = _Paths()
    parser.feed(html)
    return parser.paths


class AxeCoverage:
    """The element paths of the pages scanned so far: `needs_scan(html)` is true when a page has one more."""

    def __init__(self):
        self.seen: set[str] = set()
        self.scanned = 0

    def needs_scan(self, html: str) -> bool:
        paths = element_paths(html)
        if paths <= self.seen:
            return False
        self.seen |= paths
        self.scanned += 1
        return True
