"""JIS X 8341-3 AA on the whole portal with the demo content, in a real Chromium, at desktop width in Japanese.

The crawl opens every page pattern reachable from the home page and the section indexes (links and GET forms).
On each page: axe-core plus the checks axe leaves out (see a11y_crawl.PAGE_CHECKS), every problem of every page
reported at once. Then keyboard use (skip link, visible focus, finder by Enter), hover and focus contrast,
reflow, pages without JavaScript, and screenshots for a human look (/tmp/shots/). The same pages in every
language, and every page a resident and organization members see signed in, on a 320px phone at 文字の大きさ「大」,
are crawled by tests/i18n/test_crawl_browser.py."""

import os
import re
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real
from playwright.sync_api import expect

from community.models import SignUp, User
from tests.browser import wait_until_settled
from tests.nerima_portal.a11y_crawl import PAGE_CHECKS, STATE_CONTRAST, crawl, open_session, report
from volunteers.models import Cohort

SECTION_INDEXES = [
    "/", "/cafes/", "/cafes/kids/", "/hiroba/", "/volunteers/", "/volunteers/college/", "/projects/", "/international/",
]
RESIDENT = "resident@demo.nerima.example.jp"
ORGANIZATION_MEMBERS = ["npo@demo.nerima.example.jp", "chokai@demo.nerima.example.jp"]
# /tmp/shots unless SCREENSHOT_DIR says otherwise (CI keeps it as an artifact).
PHONE = {"width": 320, "height": 640}
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "shots")

# Is the focused element visibly focused? Its own outline or box-shadow, or that of a :focus-within card around it.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const ring = (e) => {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  };
  let visible = ring(el);
  for (let a = el.parentElement; !visible && a && a !== document.body; a = a.parentElement) {
    visible = a.matches(':focus-within') && ring(a);
  }
  const box = el.getBoundingClientRect();
  return {
    element: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}> ${(el.textContent || el.value || '').trim().slice(0, 30)}`,
    id: el.id, type: el.type || '', visible, shown: box.width > 0 && box.height > 0,
  };
}"""
HORIZONTAL_SCROLL = "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogs():
    """The English crawl and screenshots need the compiled catalogs; forget any cached before compiling."""
    call_command("compile_catalogs", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture
def demo(live_server, demo_data):
    """The live server with the whole demo, copied in from the snapshot loaded once per test process."""
    return live_server


def tab_until(page, predicate, *, limit: int = 80):
    """Press Tab until the focused element matches; return every focus state on the way (each must be visible)."""
    states = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        state.update(page.evaluate(f"() => ({STATE_CONTRAST})(document.activeElement)"))
        states.append(state)
        if predicate(state):
            return states
    return states


# The crawls are the suite's longest tests: one per language and persona, so that xdist runs them side by side.
@pytest.mark.slow
def test_every_public_page_passes(page, demo):
    # One page of each pattern (ids, area slugs and query values aside): ~75 pages.
    problems, visited = crawl(
        page, demo.url, SECTION_INDEXES, login_expected=True, per_shape=1
    )
    assert len(visited) >= 60, visited  # the crawl really went through the portal
    assert not problems, f"{len(problems)} of {len(visited)} pages fail:\n{report(problems)}"


def badly_focused(states) -> list[str]:
    """Focused elements without a visible ring, or whose text loses contrast while focused."""
    return [
        f"{state['element']} (ring: {state['visible']}, contrast {state['ratio']} < {state['needed']})"
        for state in states
        if not (state["visible"] and state["shown"]) or state["ratio"] < state["needed"]
    ]


def test_keyboard_skip_link_visible_focus_and_finder_by_enter(page, demo):
    page.goto(demo.url + "/")
    first = tab_until(page, lambda state: True)[0]
    assert first["element"].endswith("本文へ移動")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(demo.url + "/")
    states = tab_until(page, lambda state: False, limit=60)
    assert len(states) > 20
    assert not badly_focused(states)

    # The café finder: reach the area, pick with the arrow key, tick a weekday with Space, submit with Enter.
    page.goto(demo.url + "/cafes/")
    states = tab_until(page, lambda state: state["id"] == "id_area")
    page.keyboard.press("ArrowDown")
    area = page.locator("#id_area").input_value()
    assert area
    states += tab_until(page, lambda state: state["type"] == "checkbox")
    page.keyboard.press("Space")
    states += tab_until(page, lambda state: state["type"] == "submit" and "この条件でさがす" in state["element"])
    assert not badly_focused(states)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"area={area}.*weekday="))
    expect(page.locator("#id_area")).to_have_value(area)
    expect(page.get_by_role("heading", name=re.compile("見つかったケアカフェ"))).to_be_visible()
    # Onwards from the results: every card link and the pagination keep a visible focus too.
    states = tab_until(page, lambda state: False, limit=40)
    assert not badly_focused(states)


@pytest.mark.slow
def test_hovered_links_and_buttons_keep_their_text_contrast(page, demo, login_as):
    """Hover colours are a state axe never sees: hover one element of each kind (class, container) and measure."""
    page.goto(demo.url + "/cafes/")
    public = ["/", "/cafes/", page.locator(".card-grid a").first.get_attribute("href"), "/hiroba/finder/",
              "/volunteers/associations/", "/international/", "/projects/"]
    member = User.objects.get(email=ORGANIZATION_MEMBERS[0])
    organization = member.memberships.first().organization
    signed_in = ["/mypage/", f"/my/organizations/{organization.pk}/", "/cafes/my/", f"/projects/my/{organization.pk}/"]
    failing, kinds = [], set()

    def hover_each_kind(paths):
        for path in paths:
            page.goto(demo.url + path)
            controls = page.locator("a:visible, button:visible, summary:visible")
            # Every control's kind in one round trip to the browser; then only the first of each kind is hovered.
            for index, kind in enumerate(controls.evaluate_all(
                "(elements) => elements.map((e) => e.getBoundingClientRect().bottom + scrollY <= 0 ? null : "
                "`${e.tagName}.${e.className} in "
                "${(e.closest('nav, header, footer, .panel, .card, .notice, table') || {}).className || ''}`)"
            )):
                if kind is None or kind in kinds:  # the skip link waits above the page until focused
                    continue
                kinds.add(kind)
                control = controls.nth(index)
                control.hover()
                contrast = control.evaluate(STATE_CONTRAST)
                if contrast["ratio"] < contrast["needed"]:
                    failing.append(f"{path} {kind}: {contrast['ratio']} < {contrast['needed']}")

    hover_each_kind(public)
    login_as(page, member)
    hover_each_kind(signed_in)
    assert len(kinds) > 20
    assert not failing, failing


# After a refused form: the summary at the top links to fields that exist, and each refused field (a group's
# fieldset for radios and checkboxes) points at its own error text.
ERROR_STATE = """() => {
  const summary = document.querySelector('.error-summary[role=alert]');
  const problems = summary ? [] : ['no error summary with role=alert'];
  for (const link of summary ? summary.querySelectorAll('a[href^="#"]') : []) {
    if (!document.getElementById(link.hash.slice(1))) problems.push(`summary link to a missing field: ${link.hash}`);
  }
  for (const field of document.querySelectorAll('[aria-invalid=true]')) {
    const holder = field.type === 'radio' || field.type === 'checkbox' ? field.closest('fieldset') || field : field;
    const ids = (holder.getAttribute('aria-describedby') || '').split(/\\s+/);
    if (!ids.some((id) => id && document.getElementById(id)?.classList.contains('errorlist'))) {
      problems.push(`refused field not tied to its error: ${field.name}`);
    }
  }
  return problems;
}"""


@pytest.mark.slow
def test_forms_sent_back_with_errors_explain_them_accessibly(page, demo, assert_accessible, login_as):
    """Empty or wrong answers in the forms residents meet most: the refused page must be as accessible as the first."""
    resident = User.objects.get(email=RESIDENT)
    cohort = next(cohort for cohort in Cohort.objects.all() if cohort.is_intake_open)
    page.goto(demo.url + "/volunteers/associations/")
    association = next(
        href for href in page.eval_on_selector_all("main a", "(links) => links.map((a) => a.getAttribute('href'))")
        if re.fullmatch(r"/volunteers/associations/\d+/", href)
    )
    forms = [
        (None, "/hiroba/request/", "form.request-form", {}),
        (None, association, "form[action$='/inquiry/']", {}),
        (resident, f"/sessions/{open_session(resident).pk}/", "form[action$='/signup/']", {"参加する人数": "0"}),
        (resident, f"/volunteers/college/cohorts/{cohort.pk}/apply/", "main form[method=post]", {}),
        (resident, "/mypage/profile/", "main form[method=post]", {"氏名": ""}),
    ]
    problems = {}
    for user, path, selector, answers in forms:
        if user:
            login_as(page, user)
        page.goto(demo.url + path)
        form = page.locator(selector).last
        for label, value in answers.items():
            form.get_by_label(label, exact=False).first.fill(value)
        form.locator("button[type=submit], button:not([type])").last.click()
        wait_until_settled(page)  # the refused form, not the one sent
        found = page.evaluate(PAGE_CHECKS) + page.evaluate(ERROR_STATE)
        try:
            assert_accessible(page)
        except AssertionError as error:
            found.append(str(error))
        if found:
            problems[path] = found
    assert not problems, report(problems)


def test_large_text_at_320px_needs_no_horizontal_scrolling(page, demo):
    page.goto(demo.url + "/")
    page.get_by_role("button", name="大", exact=True).click()
    expect(page.locator("html")).to_have_class(re.compile("text-large"))
    page.set_viewport_size(PHONE)
    session = open_session(User.objects.get(email=RESIDENT))
    page.goto(demo.url + "/cafes/")
    detail = page.locator(".card-grid a").first.get_attribute("href")
    paths = [
        "/", "/cafes/?weekday=2&barrier_free=on", detail, f"/sessions/{session.pk}/",
        "/hiroba/finder/?topic=elderly&address=北町6丁目", "/volunteers/openings/", "/international/classes/",
    ]
    overflowing = {}
    for path in paths:
        page.goto(demo.url + path)
        expect(page.locator("html")).to_have_class(re.compile("text-large"))
        if (extra := page.evaluate(HORIZONTAL_SCROLL)) > 1:
            overflowing[path] = f"{extra}px wider than the screen"
    assert not overflowing, overflowing


def test_sign_up_and_finders_work_without_javascript(browser, browser_context_args, demo, login_as):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    resident = User.objects.get(email=RESIDENT)
    login_as(page, resident)
    session = open_session(resident)

    page.goto(f"{demo.url}/sessions/{session.pk}/")
    page.get_by_label("参加する人数").fill("2")
    page.get_by_role("button", name="申し込む", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("申込")
    signup = SignUp.objects.get(session=session, user=resident)
    assert signup.party_size == 2

    page.goto(f"{demo.url}/cafes/")
    page.get_by_label("地域").select_option(index=1)
    page.get_by_role("checkbox", name="水曜").check()
    page.get_by_role("button", name="この条件でさがす").click()
    expect(page).to_have_url(re.compile("weekday=2"))
    expect(page.get_by_role("checkbox", name="水曜")).to_be_checked()
    expect(page.get_by_role("heading", name=re.compile("見つかったケアカフェ"))).to_be_visible()

    page.goto(f"{demo.url}/hiroba/finder/")
    page.get_by_role("radio", name="介護・高齢").check()
    page.get_by_label("お住まいの住所").fill("北町6丁目")
    page.get_by_role("button", name="さがす", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("件の相談先が見つかりました"))).to_be_visible()
    context.close()


@pytest.mark.slow
def test_screenshots_for_a_human_look(page, demo):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(demo.url + "/cafes/")
    pages = {
        "home": "/", "cafes": "/cafes/", "cafe-detail": page.locator(".card-grid a").first.get_attribute("href"),
        "hiroba-finder": "/hiroba/finder/?topic=elderly&address=北町6丁目", "international-en": "/international/",
    }
    overflowing = {}
    for width in (390, 1280):
        page.context.clear_cookies()
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            if name.endswith("-en"):
                page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo.url}])
            page.goto(demo.url + path)
            if name == "hiroba-finder":  # the results, not the questions again
                expect(page.get_by_role("heading", name=re.compile("件の相談先が見つかりました"))).to_be_visible()
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
            if (extra := page.evaluate(HORIZONTAL_SCROLL)) > 1:
                overflowing[f"{name}-{width}"] = extra
        assert page.locator("html").get_attribute("lang") == "en"
    assert not overflowing, overflowing
    assert all((SHOTS / f"{name}-{width}.png").stat().st_size > 10_000 for name in pages for width in (390, 1280))
