"""Every public and signed-in page in ja, en, zh-hans, ko, tl and やさしい日本語, with the language rules.

One test per language copies the demo in and walks the portal with the test client (tests/i18n/crawl.py):
as a visitor from the home page and the section indexes, and signed in as the resident and two organization
members from マイページ and マイ団体. On pages in other languages (page_language.py): no Japanese outside
lang="ja", every lang="ja" block that is not a name carries the 「日本語のみ」 notice, no English left in the
Tagalog interface. On every page: a right <html lang>; on やさしい日本語 pages ふりがな are on by default.
axe-core runs on one page of each pattern in each language in test_crawl_browser.py.
"""

import re

import pytest
from django.test import Client

from community.models import User
from tests.i18n.crawl import crawl
from tests.i18n.page_language import language_problems
from tests.nerima_portal.a11y_crawl import PERSONAL

pytestmark = pytest.mark.django_db

LANGUAGES = ["ja", "en", "zh-hans", "ko", "tl", "ja-x-easy"]
PUBLIC_STARTS = [
    "/", "/cafes/", "/cafes/kids/", "/hiroba/", "/hiroba/finder/", "/hiroba/request/", "/volunteers/",
    "/volunteers/college/", "/projects/", "/international/", "/calendar/", "/search/?q=カフェ", "/accessibility/",
    "/accounts/login/", "/accounts/signup/",
]
SIGNED_IN = {
    "resident@demo.nerima.example.jp": ["/mypage/", "/mypage/profile/", "/mypage/data/", "/volunteers/college/my/"],
    "npo@demo.nerima.example.jp": ["/my/organizations/", "/mypage/"],
    "chokai@demo.nerima.example.jp": ["/my/organizations/", "/mypage/"],
}
HTML_LANG = re.compile(r'<html lang="([^"]+)"')


def page_problems(url: str, response, language: str, *, signed_in: bool) -> list[str]:
    if response.status_code >= 400:
        return [f"HTTP {response.status_code}"]
    if response.status_code in (301, 302):
        location = response["Location"]
        return [f"redirected to the login page: {location}"] if signed_in and "/accounts/login" in location else []
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    html = response.content.decode()
    found = language_problems(html, language)
    lang = HTML_LANG.search(html)
    if not lang or lang.group(1) != language:
        found.append(f"<html lang> is {lang.group(1) if lang else None}, not {language}")
    if language == "ja-x-easy":
        if re.search(r"[\u4e00-\u9fff]", html) and "<rt>" not in html:
            found.append("no ふりがな on a やさしい日本語 page")
        if "ja-only-note" in html:
            found.append("a 「日本語のみ」 notice on a Japanese page")
    return found


@pytest.fixture
def demo(demo_data):
    return demo_data


# One test per language, so that the workers share them.
@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_keeps_the_language_rules(demo, language):
    problems: dict[str, list[str]] = {}
    visited = 0
    for url, response in crawl(Client(), language, PUBLIC_STARTS):
        visited += 1
        if found := page_problems(url, response, language, signed_in=False):
            problems[f"[{language}] {url}"] = found
    for email, starts in SIGNED_IN.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        for url, response in crawl(client, language, starts, follow=PERSONAL.search, max_pages=60):
            visited += 1
            if found := page_problems(url, response, language, signed_in=True):
                problems[f"[{language} {email.split('@')[0]}] {url}"] = found
    # The crawl really went through the portal (about 70 public and 60 signed-in patterns).
    assert visited >= 100, visited
    report = "\n".join(f"{url}\n  " + "\n  ".join(found[:5]) for url, found in problems.items())
    assert not problems, f"{len(problems)} pages break the language rules:\n{report}"
