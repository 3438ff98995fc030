"""axe-core in every language: one page of each URL pattern, in a real Chromium, and the policy page's report.

The URL patterns (public, and an organization member's マイページ・マイ団体) come from the test-client crawl
(tests/i18n/crawl.py, fast). The browser opens one page of each pattern, the six languages taking turns
pattern by pattern, plus the home page and the portal's main sections in every language: axe's findings depend
on the page's structure far more than on its language, and the language rules themselves are checked on every
page in every language by test_crawl.py. One browser context per language, at 320px with 文字の大きさ「大」,
the demo copied in from the snapshot: about 150 pages, and axe scans those that show it an element not
scanned yet in any language (tests/markup_paths.py: the page's language is a path of its own, and so is an
element in another language or with an empty name), which keeps `make test` within its time. The result is what
/accessibility/ (ウェブアクセシビリティ方針) reports: with WRITE_ACCESSIBILITY_REPORT=1 this test writes
nerima_portal/accessibility_report.json; without it, the test fails when the committed report claims pages,
languages or results that this run did not see.
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
from tests.i18n.test_crawl import LANGUAGES, PERSONAL, PUBLIC_STARTS, SIGNED_IN
from tests.markup_paths import AxeCoverage
from tests.nerima_portal.a11y_crawl import url_shape

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


def test_axe_finds_nothing_in_any_language_and_the_policy_page_says_so(browser, browser_context_args, demo, login_as):
    started = time.monotonic()
    member = User.objects.get(email="npo@demo.nerima.example.jp")
    member_client = Client()
    member_client.force_login(member)
    public = pattern_urls(Client(), PUBLIC_STARTS)
    personal = pattern_urls(member_client, SIGNED_IN[member.email], follow=PERSONAL.search, max_pages=40)
    # Each pattern in one language, the languages taking turns; the start pages in all of them.
    plan: dict[str, list[tuple[bool, str]]] = {language: [] for language in LANGUAGES}
    for index, (signed_in, url) in enumerate([(False, u) for u in public.values()] + [(True, u) for u in personal.values()]):
        plan[LANGUAGES[index % len(LANGUAGES)]].append((signed_in, url))
    for language in LANGUAGES:
        plan[language] += [(False, url) for url in EVERY_LANGUAGE if (False, url) not in plan[language]]
    problems: dict[str, list[str]] = {}
    checked = 0
    # axe scans a page that shows it an element (in its context, lang included) not scanned yet.
    coverage = AxeCoverage()
    for language, visits in plan.items():
        # The narrowest screen at 文字の大きさ「大」: longer words, wrapped ruby, the tightest layout.
        context = browser.new_context(**browser_context_args, viewport=PHONE)
        page = context.new_page()
        for signed_in in (False, True):
            if signed_in:
                login_as(page, member)
            # Japanese with ふりがな on too: readings must not break a label or widen a line.
            context.add_cookies([
                {"name": "textsize", "value": "large", "url": demo.url},
                {"name": "furigana", "value": "on", "url": demo.url},
            ])
            for _signed_in, url in (visit for visit in visits if visit[0] == signed_in):
                url = prefixed(url, language)
                page.goto(demo.url + url)
                checked += 1
                html = page.content()
                found = language_problems(html, language)
                if coverage.needs_scan(html):
                    found += axe_violations(page)
                sideways = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
                if sideways > 1:
                    found.append(f"{sideways}px of horizontal scrolling at 320px with 文字の大きさ「大」")
                if found:
                    problems[f"[{language}] {url}"] = found
        context.close()
    patterns = set(public) | set(personal)
    assert len(patterns) >= 90 and checked >= len(patterns), (len(patterns), checked)  # the whole portal

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
    listing = "\n".join(f"{url}\n  " + "\n  ".join(found[:5]) for url, found in problems.items())
    assert not problems, f"{len(problems)} of {checked} pages fail ({elapsed:.0f} s):\n{listing}"
