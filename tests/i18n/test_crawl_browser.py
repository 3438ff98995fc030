"""axe-core and the page checks in every language, for a visitor and for each signed-in persona, in a real Chromium.

The URL patterns (public; and a resident's and two organization members' マイページ・マイ団体, sign-up and apply
forms) come from the test-client crawl (tests/i18n/crawl.py, fast). The browser opens one page of each pattern,
the six languages taking turns pattern by pattern, plus the home page and the portal's main sections in every
language: axe's findings depend on the page's structure far more than on its language, and the language rules
themselves are checked on every page in every language by test_crawl.py. One browser context per language, at
320px with 文字の大きさ「大」 and ふりがな on (the narrowest layout, longer words, wrapped ruby), the demo copied in
from the snapshot. On every page the checks axe leaves out (a11y_crawl.PAGE_CHECKS: one h1, labels, headings,
table headers, unique ids, autocomplete, no sideways scrolling); axe on the pages that show it an element not
scanned yet in any language (tests/markup_paths.py: the page's language is a path of its own, and so is an
element in another language or with an empty name). The Japanese desktop crawl is in
tests/nerima_portal/test_public_pages_a11y.py.

The visitor's run is what /accessibility/ (ウェブアクセシビリティ方針) reports: with WRITE_ACCESSIBILITY_REPORT=1
it writes nerima_portal/accessibility_report.json; without it, the test fails when the committed report claims
pages, languages or results that the run did not see.
"""

import os
import time

import pytest
from django.test import Client
from django.utils import timezone

from community.models import User
from nerima_portal import accessibility
from tests.axe_scan import AXE_TAGS, axe_violations
from tests.i18n.crawl import crawl, prefixed
from tests.i18n.page_language import language_problems
from tests.i18n.test_crawl import LANGUAGES, PUBLIC_STARTS, SIGNED_IN
from tests.markup_paths import AxeCoverage
from tests.nerima_portal.a11y_crawl import PAGE_CHECKS, PERSONAL, open_session, url_shape

PHONE = {"width": 320, "height": 640}


def pattern_urls(client: Client, starts, **crawl_options) -> dict[str, str]:
    """{URL pattern: one Japanese URL of it} for the HTML pages the test client reaches."""
    found = {}
    for url, response in crawl(client, "ja", starts, **crawl_options):
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            path, _sep, query = url.partition("?")
            found[url_shape(path, query)] = url
    return found


# Checked in every language: the home page and the section indexes residents start from.
EVERY_LANGUAGE = ["/", "/cafes/", "/hiroba/", "/hiroba/finder/", "/international/", "/accounts/signup/"]


@pytest.fixture
def demo(demo_data, live_server):
    return live_server


def browse(browser, browser_context_args, demo, plan, *, login=None) -> tuple[dict[str, list[str]], int]:
    """Open each planned URL in its language; return ({"[language] url": problems}, pages opened)."""
    problems: dict[str, list[str]] = {}
    opened = 0
    # axe scans a page that shows it an element (in its context, lang included) not scanned yet.
    coverage = AxeCoverage()
    # One context for every language (the address says the language): the browser's cache of styles, scripts
    # and fonts is kept from page to page, as a resident's is.
    context = browser.new_context(**browser_context_args, viewport=PHONE)
    page = context.new_page()
    if login:
        login(page)
    context.add_cookies([
        {"name": "textsize", "value": "large", "url": demo.url}, {"name": "furigana", "value": "on", "url": demo.url},
    ])
    for language, urls in plan.items():
        for url in urls:
            url = prefixed(url, language)
            response = page.goto(demo.url + url)
            opened += 1
            if response.status != 200:
                problems[f"[{language}] {url}"] = [f"HTTP {response.status}"]
                continue
            html = page.content()
            found = language_problems(html, language) + page.evaluate(PAGE_CHECKS)
            if coverage.needs_scan(html):
                found += axe_violations(page, known=coverage.known)
            if found:
                problems[f"[{language}] {url}"] = found
    context.close()
    return problems, opened


def in_turns(urls) -> dict[str, list[str]]:
    """Each URL in one language, the languages taking turns."""
    plan: dict[str, list[str]] = {language: [] for language in LANGUAGES}
    for index, url in enumerate(urls):
        plan[LANGUAGES[index % len(LANGUAGES)]].append(url)
    return plan


def listing(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}\n  " + "\n  ".join(found[:5]) for url, found in problems.items())


@pytest.mark.slow
def test_axe_finds_nothing_in_any_language_and_the_policy_page_says_so(browser, browser_context_args, demo):
    started = time.monotonic()
    public = pattern_urls(Client(), PUBLIC_STARTS)
    plan = in_turns(public.values())
    for urls in plan.values():  # the start pages in every language
        urls += [url for url in EVERY_LANGUAGE if url not in urls]
    problems, checked = browse(browser, browser_context_args, demo, plan)
    assert len(public) >= 70 and checked >= len(public), (len(public), checked)  # the whole public portal

    # The report names an organization member's patterns too (the persona runs below open them).
    member = User.objects.get(email="npo@demo.nerima.example.jp")
    member_client = Client()
    member_client.force_login(member)
    patterns = set(public) | set(
        pattern_urls(member_client, SIGNED_IN[member.email], follow=PERSONAL.search, max_pages=60)
    )
    report = accessibility.Report(
        standard=accessibility.STANDARD, level=accessibility.LEVEL, tested_on=timezone.localdate(),
        languages=LANGUAGES, pages=sorted(patterns), page_count=checked, axe_tags=AXE_TAGS,
        violations=sum(len(found) for found in problems.values()), result="fail" if problems else "pass",
    )
    if os.environ.get("WRITE_ACCESSIBILITY_REPORT") == "1":
        accessibility.write_report(report)
    published = accessibility.read_report()
    assert published is not None, "nerima_portal/accessibility_report.json is missing: run with WRITE_ACCESSIBILITY_REPORT=1"
    # The policy page may only claim what this run saw: its languages, patterns it tested, its result.
    assert published.languages == report.languages
    assert set(published.pages) <= patterns, sorted(set(published.pages) - patterns)
    assert published.standard == report.standard and published.level == report.level
    assert published.axe_tags == report.axe_tags
    assert (published.result, published.violations) == (report.result, report.violations)
    assert published.tested_on <= timezone.localdate()
    elapsed = time.monotonic() - started
    assert not problems, f"{len(problems)} of {checked} pages fail ({elapsed:.0f} s):\n{listing(problems)}"


# What a resident and two organization members (a NPO's and a 町会's) see that a visitor does not: マイページ,
# マイ団体 and its forms, the sign-up form of a session and the apply forms.
@pytest.mark.slow
@pytest.mark.parametrize("email", list(SIGNED_IN), ids=lambda email: email.split("@")[0])
def test_every_page_of_a_signed_in_persona_passes_in_every_language(browser, browser_context_args, demo, login_as, email):
    member = User.objects.get(email=email)
    member_client = Client()
    member_client.force_login(member)
    starts = [*SIGNED_IN[email], "/volunteers/college/", f"/sessions/{open_session(member).pk}/"]
    personal = pattern_urls(member_client, starts, follow=PERSONAL.search, max_pages=60)
    if "my/organizations/" in SIGNED_IN[email][0]:  # マイ団体 with its members' page
        assert any(url.endswith("/members/") for url in personal.values()), personal
    problems, checked = browse(
        browser, browser_context_args, demo, in_turns(personal.values()), login=lambda page: login_as(page, member)
    )
    assert checked >= len(personal) >= 5, personal
    assert not problems, f"{len(problems)} of {checked} pages fail:\n{listing(problems)}"
