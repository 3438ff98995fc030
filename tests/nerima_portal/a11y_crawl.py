"""Crawl the portal in a real browser and collect every accessibility problem per URL (used by the a11y tests)."""

import re
from collections import Counter, deque
from urllib.parse import parse_qsl, urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError

from community.models import Session, SignUp
from tests.axe_scan import axe_violations
from tests.browser import wait_until_settled
from tests.markup_paths import AxeCoverage

# Downloads and actions that are not pages: following them would save a file or change state.
SKIP_PATH = re.compile(
    r"^/(admin|static|media|api)/|^/accounts/logout|\.(ics|csv|json|pdf|png|jpe?g|zip)$"
    r"|^/volunteers/resources/\d+/|/attachments/\d+/$|^/i18n/|^/text-size/|^/furigana/"
)
# What a signed-in person sees that a visitor does not: マイページ, マイ団体, their forms and the sign-up form.
PERSONAL = re.compile(
    r"^/(mypage|my|accounts|cafes/my|projects/my|volunteers/my|volunteers/college/my|volunteers/profile"
    r"|volunteers/openings/for-you|volunteers/collaborators)/|^/sessions/\d+/$|/(apply|inquiry)/$"
    r"|^/volunteers/(openings|college/cohorts)/\d+/$"  # their apply buttons and forms
)

# Each page: one h1, a language, a title, alt on every image, no positive tabindex, a label on every field,
# headings without skipped levels, <th scope>, no sideways scrolling, unique ids (labels and descriptions point
# at them) and autocomplete on the person's own contact fields.
PAGE_CHECKS = """() => {
  const problems = [];
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} <h1> elements (expected exactly one)`);
  if (!(document.documentElement.getAttribute('lang') || '').trim()) problems.push('<html> has no lang');
  if (!document.title.trim()) problems.push('empty <title>');
  for (const img of document.querySelectorAll('img:not([alt])')) problems.push(`<img> without alt: ${img.src}`);
  for (const el of document.querySelectorAll('[tabindex]')) {
    if (parseInt(el.getAttribute('tabindex'), 10) > 0) problems.push(`tabindex > 0 on <${el.tagName.toLowerCase()}>`);
  }
  const fields = document.querySelectorAll(
    'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea'
  );
  for (const field of fields) {
    const labelled = (field.labels && [...field.labels].some((l) => l.textContent.trim()))
      || (field.getAttribute('aria-label') || '').trim()
      || (field.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && document.getElementById(id));
    if (!labelled) problems.push(`field without a label: <${field.tagName.toLowerCase()} name="${field.name}">`);
  }
  // Headings go down one level at a time, and data tables say what their header cells head.
  let level = 1;
  for (const heading of document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1) problems.push(`heading skips a level: h${level} → h${next} "${heading.textContent.trim().slice(0, 30)}"`);
    level = next;
  }
  for (const table of document.querySelectorAll('main table')) {
    if (!table.querySelector('th')) problems.push('a table without header cells');
    if (table.querySelector('th:not([scope])')) problems.push('a table <th> without scope');
  }
  // 1.4.10: no sideways scrolling of the page (a wide table scrolls inside its own .table-scroll).
  const extra = document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;
  if (extra > 1) problems.push(`${extra}px of horizontal scrolling at ${innerWidth}px wide`);
  const ids = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (ids.has(el.id) && !problems.includes(`duplicate id="${el.id}"`)) problems.push(`duplicate id="${el.id}"`);
    ids.add(el.id);
  }
  // 1.3.5: the person's own name, mail and phone say what they are (マイ団体 forms hold the organization's).
  if (!/(^|\\/)my\\//.test(location.pathname)) {
    const own = 'main input[type=email], main input[type=tel], main input[name=name], main input[name=full_name]';
    for (const field of document.querySelectorAll(own)) {
      if (!field.getAttribute('autocomplete')) problems.push(`no autocomplete on <input name="${field.name}">`);
    }
  }
  return problems;
}"""


# Each GET form (finders, filters) as two URLs: as it stands, and with the first choice of every question picked,
# so that result pages and "nothing found" pages are checked too.
GET_FORMS = """(forms) => forms.filter((form) => form.method.toLowerCase() === 'get').flatMap((form) => {
  const action = form.action.split('?')[0];
  const filled = new URLSearchParams();
  const picked = new Set();
  for (const el of form.elements) {
    if (!el.name || el.disabled || ['submit', 'button', 'reset'].includes(el.type)) continue;
    if (el.tagName === 'SELECT') {
      const option = [...el.options].find((o) => o.value);
      filled.append(el.name, option ? option.value : el.value);
    } else if (el.type === 'radio' || el.type === 'checkbox') {
      if (!picked.has(el.name)) { picked.add(el.name); filled.append(el.name, el.value); }
    } else {
      filled.append(el.name, el.value);
    }
  }
  return [`${action}?${new URLSearchParams(new FormData(form))}`, `${action}?${filled}`];
})"""


# Text contrast of one element as it looks right now (hovered or focused: states axe never sees), against the
# first opaque background behind it; 3:1 is enough for large text (24px, or 18.66px bold).
STATE_CONTRAST = """(el) => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ({r, g, b}) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  let background = {r: 255, g: 255, b: 255};
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c.a > 0.5) { background = c; break; }
  }
  const style = getComputedStyle(el);
  const [hi, lo] = [luminance(parse(style.color)), luminance(background)].sort((x, y) => y - x);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
  return {ratio: Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100, needed: large ? 3 : 4.5};
}"""


def url_shape(path: str, query: str) -> str:
    """/cafes/care/12/?area=nerima → /cafes/care/<n>/?area: one pattern, whatever the ids and values."""
    shape = re.sub(r"/\d+(?=/|$)", "/<n>", path)
    shape = re.sub(r"/(nerima|hikarigaoka|shakujii|oizumi)(?=/|$)", "/<area>", shape)
    shape = re.sub(r"/[0-9A-Za-z_-]{20,}(?=/|$)", "/<token>", shape)
    keys = sorted({key for key, _ in parse_qsl(query, keep_blank_values=True)})
    return shape + ("?" + "&".join(keys) if keys else "")


def crawl(
    page, base_url: str, start_paths, *, follow=None, login_expected: bool = False,
    max_pages: int = 150, per_shape: int = 2,
):
    """Visit same-origin pages breadth-first from start_paths; return ({url: [problems]}, [visited urls]).

    Links and GET forms are followed. PAGE_CHECKS run on every page; axe-core on the pages that show an element
    not on a page it already scanned, and there on what is new (tests/markup_paths.py). `follow(path)` limits what is queued (start paths are always visited); at most `per_shape` URLs of
    each pattern are opened. A redirect to the login page is a problem unless `login_expected` (the visitor).
    """
    origin = urlsplit(base_url)
    queue = deque(base_url + path for path in start_paths)
    seen_urls: set[str] = set(queue)
    shapes: Counter = Counter()
    problems: dict[str, list[str]] = {}
    visited: list[str] = []
    coverage = AxeCoverage()
    while queue and len(visited) < max_pages:
        url = queue.popleft()
        parts = urlsplit(url)
        shape = url_shape(parts.path, parts.query)
        if shapes[shape] >= per_shape:
            continue
        shapes[shape] += 1
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):  # a file, not a page
                continue
            raise
        visited.append(url)
        found: list[str] = []
        if response is None or response.status >= 400:
            found.append(f"HTTP {response.status if response else 'no response'}")
        elif urlsplit(page.url).path != parts.path and urlsplit(page.url).path.startswith("/accounts/login"):
            if not login_expected:
                found.append(f"redirected to the login page ({page.url})")
        else:
            wait_until_settled(page)
            found.extend(page.evaluate(PAGE_CHECKS))
            if coverage.needs_scan(page.content()):
                found.extend(axe_violations(page, known=coverage.known))
            links = page.eval_on_selector_all("a[href]:not([download])", "(links) => links.map((a) => a.href)")
            for href in links + page.eval_on_selector_all("form", GET_FORMS):
                href = urldefrag(href).url.rstrip("?")
                link = urlsplit(href)
                if (link.scheme, link.netloc) != (origin.scheme, origin.netloc) or href in seen_urls:
                    continue
                if SKIP_PATH.search(link.path) or (follow and not follow(link.path)):
                    continue
                seen_urls.add(href)
                queue.append(href)
        if found:
            problems[url.removeprefix(base_url)] = found
    return problems, visited


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}\n  " + "\n  ".join(found) for url, found in problems.items())


def open_session(user):
    """An upcoming published session the user may still sign up for (its page shows the sign-up form)."""
    taken = SignUp.objects.filter(user=user).values("session")
    for session in Session.objects.visible().upcoming().filter(signup_required=True).exclude(pk__in=taken):
        if session.is_signup_open() and (session.seats_left() or session.capacity is None):
            return session
    raise AssertionError("the demo has no session open for sign-up")
