"""Every admin changelist, add and change page, as 区職員 and as a coordinator, with the demo data: 200 or 403,
never 500, and axe-core finds nothing (wcag2a/2aa/21a/21aa) in a real Chromium.

Kept quick for the suite: one test per role (they run side by side), the demo copied in from the snapshot. The
test client opens every page (its status); the browser opens, and axe scans, those that show axe something new:
not a page each of whose elements, in its context, was on a page already scanned (tests/markup_paths.py: most
changelists and forms are the same templates with other fields). axe also skips the side menu (checked once on
each role's index) and rows after the third of a list or an inline (the same template again). The change page
of each model is that of the newest row the role may see (a coordinator sees their own areas' registrations).
"""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from community.models import OutboxMessage, User
from nerima_portal.models import SearchSynonym
from projects.models import Application
from tests.conftest import AXE_TAGS
from tests.markup_paths import AxeCoverage

ROLES = ["staff@demo.nerima.example.jp", "coordinator@demo.nerima.example.jp"]
MIN_CHECKED = {ROLES[0]: 75, ROLES[1]: 60}  # about 90 and 74 kinds of page with the demo
REPEATED = [["#nav-sidebar"], ["#result_list tbody tr:nth-child(n+4)"], [".inline-group tbody tr.form-row:nth-child(n+4)"]]
AXE = """([exclude, tags]) => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
  axe.run({exclude}, {resultTypes: ["violations"], runOnly: {type: "tag", values: tags}}).then((r) => done(
    r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target).join(" ")}`))))))"""
NAV = re.compile(r'<nav class="sticky" id="nav-sidebar".*?</nav>', re.S)


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
def demo(demo_data, live_server):
    # A row on each page that has none in the demo: a mail that could not be sent (its page shows 再送) and a
    # search synonym (its rows come from a migration, which an earlier browser test's flush may have removed).
    OutboxMessage.objects.create(
        key="crawl-failed", kind="test", to="taro@example.jp", subject="お申し込みを受け付けました",
        body="お申し込みありがとうございます。", status=OutboxMessage.Status.FAILED, attempts=5,
        last_error="550 5.1.1 宛先のメールボックスがありません",
    )
    SearchSynonym.objects.get_or_create(words="こども 子ども 子供")
    return live_server


# One test per role, so that the two run side by side (xdist).
@pytest.mark.slow
@pytest.mark.parametrize("email", ROLES)
def test_every_admin_page_opens_and_axe_finds_nothing(email, demo, client, page, login_as):
    from axe_playwright_python import sync_playwright as axe_module

    page.context.add_init_script(path=str(axe_module.__file__).replace("sync_playwright.py", "axe.min.js"))
    problems: dict[str, list[str]] = {}
    statuses: dict[str, int] = {}
    coverage = AxeCoverage()
    user = User.objects.get(email=email)
    client.force_login(user)
    login_as(page, user)
    index = reverse("admin:index")
    for url in admin_pages(user):
        # Every page through the test client (quick): its status, and whether it shows axe anything new.
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code not in (200, 403):
            problems.setdefault(url, []).append(f"HTTP {response.status_code}")
        if response.status_code != 200:
            continue
        if not coverage.needs_scan(NAV.sub("", response.content.decode())) and url != index:
            continue  # each of its elements, in the same context, was on a page already scanned
        # Then in Chromium, with the admin's scripts run and its styles applied.
        opened = page.goto(f"{demo.url}{url}")
        exclude = REPEATED[1:] if url == index else REPEATED
        if opened.status != 200:
            problems.setdefault(url, []).append(f"HTTP {opened.status} in the browser")
        elif violations := page.evaluate(AXE, [exclude, AXE_TAGS]):
            problems.setdefault(url, []).extend(violations)
    report = "\n".join(f"{where}\n  " + "\n  ".join(found) for where, found in problems.items())
    assert not problems, f"{len(problems)} of {len(statuses)} admin pages fail for {email}:\n{report}"
    # Every model's pages, not a handful, and a great many kinds of page among them.
    assert len(statuses) > 125 and coverage.scanned > MIN_CHECKED[email]
    # Among them the pages added with the outbox and the search: 区職員 only.
    outbox = reverse("admin:community_outboxmessage_change", args=[OutboxMessage.objects.get(key="crawl-failed").pk])
    synonyms = reverse("admin:nerima_portal_searchsynonym_changelist")
    expected = 200 if email == ROLES[0] else 403
    assert [statuses[outbox], statuses[synonyms]] == [expected, expected]
