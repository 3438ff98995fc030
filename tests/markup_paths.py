"""Which elements of a page axe has already judged: each element as the path to it, words and names aside.

The crawls run axe-core on hundreds of pages that are mostly the same templates with other words, fields and
rows. axe judges an element by its tag, role, type, classes (hence its CSS), its language and those of its
ancestors, and whether it has a name; so a page whose every element path was on a page axe already checked has
nothing new to show it, and the crawls skip the scan (they still open the page and check its status, layout and
language). A page's own language is one path of its own (each language is scanned at least once); inside it, an
element in the page's language is the same path in every language, one in another language (a Japanese-only
block on an English page) another. An empty name (a link or heading without text, an empty alt or aria-label,
say a translation left blank) is a path of its own too.
"""

import json
import re
from html.parser import HTMLParser

# Class names that only name the model or field a row shows (field-title, column-title, model-listing, app-cafes,
# mt-field-title-en of a translated field).
NAMED_CLASS = re.compile(r"^(field|column|model|app|dynamic|mt-field)-")
KEPT_ATTRIBUTES = ("role", "type", "scope", "aria-hidden", "lang")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# The attributes axe's rules read (names, ARIA, labels, links, focus, autocomplete); others (name, maxlength,
# required, data-*, the value of a text field) make no difference to it.
AXE_ATTRIBUTE = re.compile(
    r"^(aria-.*|alt|title|href|tabindex|for|id|headers|autocomplete|accesskey|placeholder|src|summary|open|disabled)$"
)
BUTTON_TYPES = {"button", "submit", "reset", "image"}  # an <input> whose value is its name
# Elements whose accessible name is their text: one left empty (a translation missing) is a new path.
NAMED_BY_TEXT = {"a", "button", "label", "legend", "caption", "summary", "th", "title", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Paths(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[list] = []  # [tag, path, has text]
        self.paths: set[str] = set()
        self.page_language = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html" and self.page_language is None:
            # The page's language is itself a path (each language is scanned once); inside, a lang is the
            # page's or another, so the same markup in another language is nothing new.
            self.page_language = values.get("lang") or ""
            self.paths.add(f"<html lang={self.page_language}>")
        if values.get("lang") is not None and values["lang"] == self.page_language:
            values["lang"] = "(page)"
        classes = ".".join(sorted(c for c in (values.get("class") or "").split() if not NAMED_CLASS.match(c)))
        kept = ",".join(f"{k}={values[k]}" for k in KEPT_ATTRIBUTES if k in values)
        path = f"{self.stack[-1][1] if self.stack else ''}/{tag}.{classes}[{kept}]"
        # Which attributes it has (alt, aria-label, for …), not their values; an empty one is another path.
        named = [k for k in values if AXE_ATTRIBUTE.match(k) or (k == "value" and values.get("type") in BUTTON_TYPES)]
        present = sorted(k if (values[k] or "").strip() else f"{k}=''" for k in named)
        path_with_attributes = f"{path}({','.join(present)})"
        if tag in VOID:
            self.paths.add(path_with_attributes)
        else:
            self.stack.append([tag, path, None if tag not in NAMED_BY_TEXT else False, path_with_attributes])
            if tag not in NAMED_BY_TEXT:
                self.paths.add(path_with_attributes)

    def handle_data(self, data):
        if data.strip():
            for entry in self.stack:
                if entry[2] is False:
                    entry[2] = True

    def handle_endtag(self, tag):
        if any(entry[0] == tag for entry in self.stack):
            while self._close(self.stack.pop()) != tag:  # elements the end tag closes implicitly (an open <li> or <p>)
                pass

    def _close(self, entry) -> str:
        tag, _path, has_text, path_with_attributes = entry
        if has_text is not None:
            self.paths.add(f"{path_with_attributes}{'' if has_text else '<no text>'}")
        return tag

    def close(self):
        super().close()
        while self.stack:
            self._close(self.stack.pop())


# The same paths, named in the browser from the DOM: {element: path} for the document. Python's parser and the DOM
# differ where HTML leaves elements implied (a <tbody>, a <head>): those paths differ and count as new, never the
# other way round. tests/test_markup_paths.py keeps the two in step.
DOM_PATHS_JS = r"""() => {
  const NAMED_CLASS = /NAMED_CLASS_PATTERN/;
  const KEPT = KEPT_ATTRIBUTES;
  const AXE_ATTRIBUTE = /AXE_ATTRIBUTE_PATTERN/;
  const BUTTON_TYPES = new Set(BUTTON_TYPE_LIST);
  const NAMED_BY_TEXT = new Set(NAMED_BY_TEXT_LIST);
  const pageLanguage = document.documentElement.getAttribute("lang") || "";
  const paths = new Map();
  const walk = (element, parentPath) => {
    const tag = element.localName;
    const values = {};
    for (const attribute of element.attributes) values[attribute.name] = attribute.value;
    if (values.lang !== undefined && values.lang === pageLanguage) values.lang = "(page)";
    const classes = (values.class || "").split(/\s+/).filter((c) => c && !NAMED_CLASS.test(c)).sort().join(".");
    const kept = KEPT.filter((k) => k in values).map((k) => `${k}=${values[k]}`).join(",");
    const path = `${parentPath}/${tag}.${classes}[${kept}]`;
    const present = Object.keys(values)
      .filter((k) => AXE_ATTRIBUTE.test(k) || (k === "value" && BUTTON_TYPES.has(values.type)))
      .map((k) => (values[k].trim() ? k : `${k}=''`))
      .sort();
    let own = `${path}(${present.join(",")})`;
    if (NAMED_BY_TEXT.has(tag)) own += element.textContent.trim() ? "" : "<no text>";
    paths.set(element, own);
    for (const child of element.children) walk(child, path);
  };
  walk(document.documentElement, "");
  return paths;
}"""
for _name, _value in {
    "NAMED_CLASS_PATTERN": NAMED_CLASS.pattern, "KEPT_ATTRIBUTES": json.dumps(KEPT_ATTRIBUTES),
    "AXE_ATTRIBUTE_PATTERN": AXE_ATTRIBUTE.pattern, "BUTTON_TYPE_LIST": json.dumps(sorted(BUTTON_TYPES)),
    "NAMED_BY_TEXT_LIST": json.dumps(sorted(NAMED_BY_TEXT)),
}.items():
    DOM_PATHS_JS = DOM_PATHS_JS.replace(_name, _value)


def element_paths(html: str) -> set[str]:
    parser = _Paths()
    parser.feed(html)
    parser.close()
    return parser.paths


class AxeCoverage:
    """The element paths of the pages scanned so far: `needs_scan(html)` is true when a page has one more.

    After it, `known` holds the paths judged before this page: axe_violations(page, known=…) leaves out the parts of
    the page made only of them, and judges what is new (and the elements around it).
    """

    def __init__(self):
        self.seen: set[str] = set()
        self.known: frozenset[str] = frozenset()
        self.scanned = 0

    def needs_scan(self, html: str) -> bool:
        paths = element_paths(html)
        if paths <= self.seen:
            return False
        self.known = frozenset(self.seen)
        self.seen |= paths
        self.scanned += 1
        return True
