"""axe-core in a page, the one way every browser test and crawl runs it.

Violations only (axe then skips building the long lists of passed and inapplicable rules, half its time), and
each repeated element judged three times, not thirty: a list's 4th and later siblings whose whole subtree has the
shape of an earlier sibling (tags, classes, roles) are left out of the scan. axe's costliest rule, color-contrast,
measures every text element; twenty cards of one template show it nothing the first three did not.
"""

from collections.abc import Collection
from functools import cache
from pathlib import Path

import axe_playwright_python
from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from tests.markup_paths import DOM_PATHS_JS

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
# The live server serves axe-core among the static files in tests (tests/conftest.py, pytest_configure): a
# <script src> from the page's own origin passes the portal's CSP, and Chromium keeps the compiled script from
# page to page (its code cache), where evaluating the 570 KB source compiled it again on every scan (about twice
# the time).
AXE_STATIC_PREFIX = "tests-axe"
AXE_STATIC_PATH = f"{AXE_STATIC_PREFIX}/{AXE_SOURCE.name}"
KEEP_REPEATS = 3

_SCAN = """async ([tags, exclude, keep, known]) => {
  // Each element's shape, interned: its tag, classes and role, and the set of its children's shapes.
  const shapes = new Map();
  const intern = (key) => {
    if (!shapes.has(key)) shapes.set(key, shapes.size);
    return shapes.get(key);
  };
  const left = new Set();
  const shapeOf = (element) => {
    const seen = new Map();
    for (const child of element.children) {
      const shape = shapeOf(child);
      seen.set(shape, (seen.get(shape) || 0) + 1);
      if (seen.get(shape) > keep) left.add(child);
    }
    const own = `${element.tagName}.${[...element.classList].sort().join(".")}[${element.getAttribute("role") || ""}]`;
    return intern(`${own}(${[...seen.keys()].sort((a, b) => a - b).join(",")})`);
  };
  shapeOf(document.documentElement);
  // A crawl's known paths (tests/markup_paths.py): a part of the page whose every element was judged on an
  // earlier page, in the same context, is left out too.
  if (known.length) {
    const judged = new Set(known);
    const paths = (DOM_PATHS)();
    const allKnown = (element) => {
      let all = judged.has(paths.get(element));
      for (const child of element.children) all = allKnown(child) && all;
      if (all && element !== document.documentElement) left.add(element);
      return all;
    };
    allKnown(document.documentElement);
  }
  // Only the outermost of them: axe's exclude list is costly to match (a course with 48 classes in its inline
  // listed 2,270 elements, most inside the date pickers' copies, and took 9 s instead of 3).
  const outermost = [...left].filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (left.has(parent)) return false;
    return true;
  });
  // Two frames: styles applied and the layout done before contrast is measured.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const result = await axe.run(
    {exclude: [...exclude.map((selector) => [selector]), ...outermost]},
    {resultTypes: ["violations"], runOnly: {type: "tag", values: tags}},
  );
  return result.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target).join(" ")}`);
}""".replace("DOM_PATHS", DOM_PATHS_JS)


@cache
def _axe_script() -> str:
    return AXE_SOURCE.read_text()


def axe_violations(page, *, exclude: list[str] = (), known: Collection[str] = ()) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it stands, one line each; `exclude` are CSS selectors,
    `known` the element paths a crawl judged on earlier pages (AxeCoverage.known)."""
    loaded = "typeof window.axe !== 'undefined'"
    if not page.evaluate(loaded) and page.url.startswith("http"):
        try:
            page.add_script_tag(url=f"{settings.STATIC_URL}{AXE_STATIC_PATH}")
        except PlaywrightError:
            pass  # not the live server's page: evaluated below
    if not page.evaluate(loaded):
        # A page from another server (the tests of these helpers have their own), or of the test's making.
        page.evaluate(_axe_script())
    return page.evaluate(_SCAN, [AXE_TAGS, list(exclude), KEEP_REPEATS, list(known)])
