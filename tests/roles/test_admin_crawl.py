"""Every admin changelist, add and change page, as 区職員 and as a coordinator, with the demo data: 200 or 403,
never 500, and axe-core finds nothing (wcag2a/2aa/21a/21aa) in a real Chromium.

Kept quick for the suite: the demo is loaded once, one browser page visits every page once, and axe skips what it
has already seen: the side menu (checked once on each role's index), rows after the third of a list or an inline
(the same template again), and a coordinator's page whose markup is the 区職員's page over again. The change page
of each model is that of the newest row the role may see (a coordinator sees their own areas' registrations).
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from community.models import OutboxMessage, User
from nerima_portal.models import SearchSynonym
from projects.models import Application
from tests.conftest import AXE_TAGS

ROLES = ["staff@demo.nerima.example.jp", "coordinator@demo.nerima.example.jp"]
REPEATED = [["#nav-sidebar"], ["#result_list tbody tr:nth-child(n+4)"], [".inline-group tbody tr.form-row:nth-child(n+4)"]]
AXE = """([exclude, tags]) => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
  axe.run({exclude}, {resultTypes: ["violations"], runOnly: {type: "tag", values: tags}}).then((r) => done(
    r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target).join(" ")}`))))))"""
NAV = re.compile(r'<nav class="sticky" id="nav-sidebar".*?</nav>', re.S)


class Shape(HTMLParser):
    """The markup of a page without its words and values: what axe's verdict depends on."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        kept = {k: v for k, v in attrs if k in ("class", "role", "type", "scope", "for", "aria-hidden")}
        self.parts.append(f"<{tag} {sorted(kept.items())} {sorted(k for k, _v in attrs)}>")

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")


def shape(html: str) -> str:
    parser = Shape()
    parser.feed(NAV.sub("", html))
    return "".join(parser.parts)


def admin_pages(user) -> list[str]:
    """The index, each model's changelist, add page and the change page of the newest row the user may see, and the
    review pages of a grant application."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        try:
            urls.append(reverse(f"{prefix}_add"))
        except NoReverseMatch:
            pass  # a report or a log
        newest = model_admin.get_queryset(request).order_by("-pk").first()
        if newest is not None:
            try:
                urls.append(reverse(f"{prefix}_change", args=[newest.pk]))
            except NoReverseMatch:
                pass
    submitted = Application.objects.submitted().order_by("pk").first()
    urls += [
        reverse("admin:projects_application_summary"),
        reverse("admin:projects_application_score", args=[submitted.pk]),
        reverse("admin:projects_application_decide", args=[submitted.pk]),
        reverse("admin:hiroba_plaza_summary"),
    ]
    return urls


@pytest.fixture
def demo(live_server):
    call_command("load_demo", stdout=io.StringIO())
    # A row on each page that has none in the demo: a mail that could not be sent (its page shows 再送) and a
    # search synonym (its rows come from a migration, which an earlier browser test's flush may have removed).
    OutboxMessage.objects.create(
        key="crawl-failed", kind="test", to="taro@example.jp", subject="お申し込みを受け付けました",
        body="お申し込みありがとうございます。", status=OutboxMessage.Status.FAILED, attempts=5,
        last_error="550 5.1.1 宛先のメールボックスがありません",
    )
    SearchSynonym.objects.get_or_create(words="こども 子ども 子供")
    return live_server


def test_every_admin_page_opens_and_axe_finds_nothing_for_staff_and_coordinators(demo, page, login_as):
    from axe_playwright_python import sync_playwright as axe_module

    page.context.add_init_script(path=str(axe_module.__file__).replace("sync_playwright.py", "axe.min.js"))
    problems: dict[str, list[str]] = {}
    statuses: dict[tuple[str, str], int] = {}
    staff_shapes: dict[str, str] = {}
    visited = checked = 0
    for email in ROLES:
        user = User.objects.get(email=email)
        login_as(page, user)
        for url in admin_pages(user):
            response = page.goto(f"{demo.url}{url}")
            visited += 1
            statuses[email, url] = response.status
            if response.status not in (200, 403):
                problems.setdefault(f"{email} {url}", []).append(f"HTTP {response.status}")
            if response.status != 200:
                continue
            page_shape = shape(page.content())
            if staff_shapes.setdefault(url, page_shape) == page_shape and email != ROLES[0]:
                continue  # the same markup as the 区職員's page, already checked
            exclude = REPEATED[1:] if url == reverse("admin:index") else REPEATED
            violations = page.evaluate(AXE, [exclude, AXE_TAGS])
            checked += 1
            if violations:
                problems.setdefault(f"{email} {url}", []).extend(violations)
    report = "\n".join(f"{where}\n  " + "\n  ".join(found) for where, found in problems.items())
    assert not problems, f"{len(problems)} of {visited} admin pages fail:\n{report}"
    assert visited > 250 and checked > 150  # every model's pages for both roles, not a handful
    # Among them the pages added with the outbox and the search: 区職員 only.
    outbox = reverse("admin:community_outboxmessage_change", args=[OutboxMessage.objects.get(key="crawl-failed").pk])
    synonyms = reverse("admin:nerima_portal_searchsynonym_changelist")
    assert [statuses[email, url] for url in (outbox, synonyms) for email in ROLES] == [200, 403, 200, 403]
