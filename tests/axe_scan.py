"""axe-core in a page, the one way every browser test and crawl runs it.

Violations only (axe then skips building the long lists of passed and inapplicable rules, half its time), and
each repeated element judged three times, not thirty: a list's 4th and later siblings whose whole subtree has the
shape of an earlier sibling (tags, classes, roles) are left out of the scan. axe's costliest rule, color-contrast,
measures every text element; twenty cards of one template show it nothing the first three did not.
"""

from functools import cache
from pathlib import Path

import axe_playwright_python

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
KEEP_REPEATS = 3

_SCAN = """async ([tags, exclude, keep]) => {
  // Each element's shape, interned: its tag, classes and role, and the set of its children's shapes.
  const shapes = new Map();
  const intern = (key) => {
    if (!shapes.has(key)) shapes.set(key, shapes.size);
    return shapes.get(key);
  };
  const repeats = [];
  const shapeOf = (element) => {
    const seen = new Map();
    for (const child of element.children) {
      const shape = shapeOf(child);
      seen.set(shape, (seen.get(shape) || 0) + 1);
      if (seen.get(shape) > keep) repeats.push(child);
    }
    const own = `${element.tagName}.${[...element.classList].sort().join(".")}[${element.getAttribute("role") || ""}]`;
    return intern(`${own}(${[...seen.keys()].sort((a, b) => a - b).join(",")})`);
  };
  shapeOf(document.documentElement);
  // Two frames: styles applied and the layout done before contrast is measured.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const result = await axe.run(
    {exclude: [...exclude.map((selector) => [selector]), ...repeats]},
    {resultTypes: ["violations"], runOnly: {type: "tag", values: tags}},
  );
  return result.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target).join(" ")}`);
}"""


@cache
def _axe_script() -> str:
    return AXE_SOURCE.read_text()


def axe_violations(page, *, exclude: list[str] = ()) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it stands, one line each; `exclude` are CSS selectors."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the portal's CSP rightly refuses inline scripts.
        page.evaluate(_axe_script())
    return page.evaluate(_SCAN, [AXE_TAGS, list(exclude), KEEP_REPEATS])
