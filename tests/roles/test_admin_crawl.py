"""Every admin changelist, add and change page, as 区職員 and as a coordinator, with the demo data: 200 or 403,
never 500, and axe-core finds nothing (wcag2a/2aa/21a/21aa) in a real Chromium.

Kept quick for the suite: the demo copied in from the snapshot. The test client opens every page (its status);
the browser opens, and axe scans, those that show axe something new: not a page each of whose elements, in its
context, was on a page already scanned, by either role (tests/markup_paths.py: most changelists and forms are the
same templates with other fields). axe also skips the side menu (checked once on each role's index) and rows
after the third of a list or an inline (tests/axe_scan.py: the same template again). The change page
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
from tests.axe_scan import axe_violations
from tests.markup_paths import AxeCoverage

ROLES = ["staff@demo.nerima.example.jp", "coordinator@demo.nerima.example.jp"]
MIN_SCANNED = 60  # about 72 kinds of page for 区職員 with the demo, and a few more for the coordinator
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


@pytest.mark.slow
def test_every_admin_page_opens_and_axe_finds_nothing(demo, client, page, login_as):
    problems: dict[str, list[str]] = {}
    statuses: dict[str, dict[str, int]] = {}
    # One coverage for both roles: a coordinator's pages are mostly 区職員's templates with fewer fields, and
    # what differs (read-only fields, other buttons) is new to axe and scanned.
    coverage = AxeCoverage()
    scanned = {}
    index = reverse("admin:index")
    for email in ROLES:
        user = User.objects.get(email=email)
        client.force_login(user)
        login_as(page, user)
        statuses[email] = {}
        before = coverage.scanned
        for url in admin_pages(user):
            # Every page through the test client (quick): its status, and whether it shows axe anything new.
            response = client.get(url)
            statuses[email][url] = response.status_code
            where = f"[{email.split('@')[0]}] {url}"
            if response.status_code not in (200, 403):
                problems.setdefault(where, []).append(f"HTTP {response.status_code}")
            if response.status_code != 200:
                continue
            if not coverage.needs_scan(NAV.sub("", response.content.decode())) and url != index:
                continue  # each of its elements, in the same context, was on a page already scanned
            # Then in Chromium, with the admin's scripts run and its styles applied.
            opened = page.goto(f"{demo.url}{url}")
            if opened.status != 200:
                problems.setdefault(where, []).append(f"HTTP {opened.status} in the browser")
            elif violations := axe_violations(
                page, exclude=[] if url == index else ["#nav-sidebar"], known=coverage.known
            ):
                problems.setdefault(where, []).extend(violations)
        scanned[email] = coverage.scanned - before
    report = "\n".join(f"{where}\n  " + "\n  ".join(found) for where, found in problems.items())
    opened = sum(len(pages) for pages in statuses.values())
    assert not problems, f"{len(problems)} of {opened} admin pages fail:\n{report}"
    # Every model's pages for each role, not a handful, and a great many kinds of page among them.
    assert all(len(pages) > 125 for pages in statuses.values()), {email: len(pages) for email, pages in statuses.items()}
    assert coverage.scanned > MIN_SCANNED and all(scanned.values()), scanned
    # Among them the pages added with the outbox and the search: 区職員 only.
    outbox = reverse("admin:community_outboxmessage_change", args=[OutboxMessage.objects.get(key="crawl-failed").pk])
    synonyms = reverse("admin:nerima_portal_searchsynonym_changelist")
    staff, coordinator = (statuses[email] for email in ROLES)
    assert [staff[outbox], staff[synonyms]] == [200, 200]
    assert [coordinator[outbox], coordinator[synonyms]] == [403, 403]
