"""Shared personas, factories and the real-browser setup for every test module.

Personas: staff (区職員), coordinator (社協コーディネーター), org_member (a 代表者 of organization A),
other_org_member (a member of organization B), resident, and the anonymous visitor (the plain client).
Staff personas have an authenticator app (TEST_TOTP_SECRET) and sign in with it, as real staff must:
`client.force_login(staff)` and `login_as` record the second factor, `login` types the current code.
"""

import contextlib
import datetime as dt
import gc
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from django.http import HttpRequest
from django.test import Client, TransactionTestCase
from django.utils import timezone, translation

from community.models import Listing, Membership, Organization, Place, PublicationStatus, Session, User
from community.roles import COORDINATOR, STAFF_ROLES, WARD_STAFF, sync_staff_groups
from tests import table_rows
from tests.axe_scan import axe_violations
from tests.browser import page_csp_refusal, track_navigations, wait_until_settled

# The outbox's database queue, real worker and local SMTP server (tests/outbox_fixtures.py).
pytest_plugins = ["tests.outbox_fixtures"]

# Chromium's headless shell: the same Blink and V8 without the desktop browser around them, as Playwright's own
# headless default; a third less CPU than full Chromium over the browser tests. Full Chromium is the fallback.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or next(
    (path for path in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if os.path.exists(path)),
    "/usr/bin/chromium-headless-shell",
)
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows(django_db_setup, django_db_blocker):
    """The rows of the freshly migrated test database, and the staff groups the release step then makes (as every
    deploy leaves the database), kept to put back after each transactional test."""
    with django_db_blocker.unblock():
        sync_staff_groups()
        table_rows.remember_migrated()


@pytest.fixture(scope="session", autouse=True)
def _frozen_start(_migrated_rows):
    """pykakasi's dictionary (about 280,000 objects, loaded by the first ふりがな page) and what Django loaded so
    far, kept out of the garbage collector's full scans as a production worker keeps its warm start
    (nerima_portal/warmup.py): each full collection otherwise walked them again, 18 s of each worker's run."""
    from community.i18n.furigana import _converter

    _converter()
    _freeze_what_stays()
    # A page rendered by the test client or the live server makes tens of thousands of short-lived objects, some
    # in reference cycles. At Python's default (a young collection every 700 allocations) many outlived the young
    # collections and each batch was found only by a full one: 23 full collections in the admin crawl alone. With
    # 10,000 they mostly die young: the crawl's collections 6.2 s → 3.1 s of CPU, for a few MB more at the peak.
    gc.set_threshold(10_000, 10, 10)
    gc.enable()  # paused since pytest_configure: see there


@pytest.fixture
def frozen_again():
    """For a test of the warm-up, which freezes the whole heap as a worker's start: afterwards what it froze of the
    test's own objects is let go, and what stays is frozen again as _frozen_start left it (without this, the
    dictionary and the rest were back in every later full collection of the worker: 13 to 16 s of a run)."""
    yield
    gc.unfreeze()
    _freeze_what_stays()


def _freeze_what_stays() -> None:
    """One full collection, then what survived it is left out of every later one."""
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def collector_paused():
    """No cyclic garbage collection inside: for a bounded burst of work that builds a large heap (the demo load),
    where each full collection would walk it again. One collection at the end frees what the burst left, and what
    it keeps (the caches it filled) is frozen with the start."""
    gc.disable()
    try:
        yield
    finally:
        _freeze_what_stays()
        gc.enable()


@pytest.fixture(autouse=True)
def _database(db):
    """Every test may read the database, which starts as the migrations left it."""


def _put_back_migrated_rows(self):
    """A transactional test (every browser test) ends with the database as the migrations left it: their rows
    copied back (tests/table_rows.py), instead of Django's flush, which emptied them too, so that each later test
    on the worker had to load the geography again (about 1.5 s a browser test, several minutes a run)."""
    table_rows.put_back_migrated()


TransactionTestCase._fixture_teardown = _put_back_migrated_rows


@pytest.fixture(autouse=True)
def _japanese_first(settings):
    """Each test starts in Japanese: a request through LocaleMiddleware leaves its language active in the thread,
    so without this a test after an English page would read English messages (it did, depending on xdist's order)."""

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _portal_settings(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The outbox's tasks run at once after commit (mail.outbox as before); tests of the queue itself use the
    # database backend and a real worker (tests/community/test_outbox*.py).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate limits (allauth, consultation requests) count in the cache: each test starts from zero.
    from django.core.cache import cache

    cache.clear()


# --- the whole demo, loaded once per test process ----------------------------------------------

@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """`manage.py load_demo`, run once per run and kept (tests/demo_snapshot.py): xdist's workers share one
    directory (the parent of their own temporary directories), a single process uses its own."""
    from tests import demo_snapshot

    run_directory = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_directory = run_directory.parent
    with django_db_blocker.unblock(), collector_paused():
        return demo_snapshot.shared(run_directory / "demo")


@pytest.fixture
def demo_data(demo_snapshot, db, settings):
    """The whole demo in this test's database and its files in MEDIA_ROOT, in well under a second.

    It replaces every row: request it before any fixture that adds rows of its own (personas, factories).
    """
    from django.contrib.contenttypes.models import ContentType

    from tests import demo_snapshot as snapshots

    shutil.copytree(demo_snapshot.media_root, settings.MEDIA_ROOT, dirs_exist_ok=True)
    snapshots.restore(demo_snapshot)
    yield demo_snapshot
    ContentType.objects.clear_cache()  # its ids were the demo's; the next test has the database's own


# --- factories -------------------------------------------------------------------------------

def make_user(email: str, *, name: str = "", is_staff: bool = False, verified: bool = True, **extra) -> User:
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(email=email, password="pass-word-123", full_name=name, is_staff=is_staff, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if is_staff:
        give_second_factor(user)
    return user


def give_second_factor(user, secret: str = TEST_TOTP_SECRET):
    """The staff member's authenticator app (allauth's TOTP), set up once."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return existing or TOTP.activate(user, secret).instance


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The code an authenticator app shows now."""
    from community.staff_sign_in import authenticator_code

    return authenticator_code(secret)


def record_second_factor(client: Client, user) -> None:
    """Write into the client's session what allauth writes after the code step (password, then the app)."""
    from allauth.account.internal.flows.login import record_authentication

    authenticator = give_second_factor(user)
    request = HttpRequest()
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()


class PortalClient(Client):
    """Django's test client; `force_login` signs staff in with both factors, as the admin requires."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user.is_staff:
            record_second_factor(self, user)


@pytest.fixture
def client():
    return PortalClient()


def make_organization(name: str = "テスト町会", *, kind: str = "chokai", status=PublicationStatus.PUBLISHED, **extra):
    return Organization.objects.create(name=name, name_kana=extra.pop("name_kana", "てすと"), kind=kind, status=status, **extra)


def make_place(name: str = "テスト集会所", *, town: str = "豊玉北", number: int = 5, **extra) -> Place:
    from community.models import Chome

    return Place.objects.create(
        name=name, address=f"東京都練馬区{town}{number}丁目", chome=Chome.objects.get(town__name=town, number=number), **extra
    )


def make_listing(organization, *, title: str = "テストの集い", place=None, status=PublicationStatus.PUBLISHED, **extra):
    return Listing.objects.create(
        organization=organization, title=title, title_kana=extra.pop("title_kana", "てすとのつどい"),
        place=place, status=status, **extra,
    )


def make_session(listing, *, days: int = 7, hour: int = 14, capacity=None, signup_required: bool = True, **extra):
    start = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) + dt.timedelta(days=days)
    return Session.objects.create(
        listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2),
        capacity=capacity, signup_required=signup_required, **extra,
    )


# --- personas --------------------------------------------------------------------------------

@pytest.fixture
def staff_groups(db):
    """The staff groups with the matrix's permissions, made once per test process (_migrated_rows)."""
    from django.contrib.auth.models import Group

    return {group.name: group for group in Group.objects.filter(name__in=STAFF_ROLES)}


@pytest.fixture
def staff(staff_groups):
    user = make_user("staff@example.jp", name="区職員 アリス", is_staff=True)
    user.groups.add(staff_groups[WARD_STAFF])
    return user


@pytest.fixture
def coordinator(staff_groups):
    user = make_user("coordinator@example.jp", name="社協 ボブ", is_staff=True)
    user.groups.add(staff_groups[COORDINATOR])
    return user


@pytest.fixture
def organization(db):
    return make_organization("練馬テスト町会", name_kana="ねりまてすとちょうかい")


@pytest.fixture
def other_organization(db):
    return make_organization("ほかのNPO", kind="npo", name_kana="ほかのえぬぴーおー")


@pytest.fixture
def org_member(organization):
    user = make_user("member@example.jp", name="団体 チャーリー")
    Membership.objects.create(organization=organization, user=user, role=Membership.Role.REPRESENTATIVE)
    return user


@pytest.fixture
def other_org_member(other_organization):
    user = make_user("other@example.jp", name="他団体 デイブ")
    Membership.objects.create(organization=other_organization, user=user, role=Membership.Role.REPRESENTATIVE)
    return user


@pytest.fixture
def resident(db):
    return make_user("resident@example.jp", name="練馬 エミ")


@pytest.fixture
def place(db):
    return make_place()


@pytest.fixture
def listing(organization, place):
    return make_listing(organization, place=place)


# --- query budgets ---------------------------------------------------------------------------

# The tables a budget test fills with a thousand rows and more.
LARGE_TABLES = ["community_listing", "community_session", "community_signup", "community_place", "community_organization",
                "cafes_carecafe", "cafes_kidscafe", "volunteers_opening"]


def _plan_with_statistics() -> None:
    """ANALYZE the large tables before a page is measured: rows made inside the test's transaction are invisible
    to autovacuum, and with statistics saying "empty" PostgreSQL chose nested loops over 20,000 sessions (a
    budget test at 1,000 cafés sometimes ran for twenty minutes)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(LARGE_TABLES)}")


def _measuring_the_page(assert_queries):
    """Wrap pytest-django's query-count context manager: a page it measured must not be an error or a login.

    A budget that measured a 404 (a wrong id) or a redirect to the login page (a missing login) passes with a
    handful of queries and proves nothing. Each test still checks the status and the content it expects; this
    catches the ones that forget.
    """
    from contextlib import contextmanager
    from unittest import mock

    from django.test import Client

    @contextmanager
    def measure(num, *args, **kwargs):
        _plan_with_statistics()
        responses = []
        request = Client.request

        def recording(client, **kwargs):
            response = request(client, **kwargs)
            responses.append(response)
            return response

        with mock.patch.object(Client, "request", recording), assert_queries(num, *args, **kwargs) as context:
            yield context
        for response in responses:
            login_page = response.status_code == 302 and "/login/" in response.get("Location", "")
            assert response.status_code < 400 and not login_page, (
                f"the query budget measured a {response.status_code} response"
                f"{' to ' + response['Location'] if login_page else ''}, not the page it is about"
            )

    return measure


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    return _measuring_the_page(django_assert_max_num_queries)


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    return _measuring_the_page(django_assert_num_queries)


# --- real browser ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it (Debian: apt-get install chromium-headless-shell)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


@pytest.fixture
def page(page):
    """pytest-playwright's page, with its main-frame navigations recorded from the start (see tests/browser.py);
    every browser test also fails on a Content-Security-Policy violation: an inline script or style left behind."""
    track_navigations(page)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if page_csp_refusal(message) else None)
    yield page
    assert not refused, "CSP refused:\n" + "\n".join(refused)


@pytest.fixture
def assert_accessible():
    """Wait for the page to finish loading, run axe-core on it and fail with a readable list of violations."""

    def check(page):
        wait_until_settled(page)
        violations = axe_violations(page)
        assert not violations, f"axe-core found violations on {page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture
def login(live_server):
    """Log a user in through the real login form, and wait until the browser has left the login page."""
    from playwright.sync_api import expect

    def do_login(page, email: str, password: str = "pass-word-123"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("メールアドレス").fill(email)
        page.get_by_label("パスワード").first.fill(password)
        page.get_by_role("button", name="ログイン").click()
        # A goto() right after the click could cancel the login request: wait for its destination.
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
        wait_until_settled(page)
        if "/2fa/authenticate/" in page.url:  # staff: the authenticator app's code
            page.locator("input[name=code]").fill(totp_code())
            page.locator("form[action$='/2fa/authenticate/'] button[type=submit]").click()
            expect(page).not_to_have_url(re.compile(r"/2fa/authenticate/"))
            wait_until_settled(page)

    return do_login


@pytest.fixture
def login_as(live_server):
    """Give the browser a logged-in session for `user` without going through the form (fast, label-proof)."""
    from django.conf import settings as django_settings

    def do_login(page, user):
        client = PortalClient()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return do_login


def pytest_configure(config):
    # Collecting the tests and creating the test database (the migrations render thousands of model states) build
    # a large heap, and each full collection walked it again: 2 to 6 s of each worker's CPU. The collector is
    # paused until the first test starts (_frozen_start), which collects once and freezes what stays. Not in
    # xdist's controller, which hands the tests to its workers and so never reaches that fixture.
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        gc.disable()
    # axe-core among the static files the live server serves, in tests only (tests/axe_scan.py says why).
    from django.conf import settings as django_settings

    from tests.axe_scan import AXE_SOURCE, AXE_STATIC_PREFIX

    axe_directory = Path(tempfile.mkdtemp(prefix="axe-static-"))
    (axe_directory / AXE_SOURCE.name).symlink_to(AXE_SOURCE)
    django_settings.STATICFILES_DIRS = [*django_settings.STATICFILES_DIRS, (AXE_STATIC_PREFIX, str(axe_directory))]
    config.add_cleanup(lambda: shutil.rmtree(axe_directory, ignore_errors=True))


def pytest_collection_modifyitems(items):
    # Slow tests first: with `--dist worksteal` (make test) the workers start on them and steal quick tests from
    # each other at the end, instead of one worker finishing a long crawl alone. The sort is stable.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        # Browser tests need the live server, so they may not share a transaction.
        if "page" in fixtures:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
        # time-machine also moves time.monotonic, which Playwright's event loop and the live server's
        # timeouts run on: a frozen clock belongs in tests without a browser.
        if "time_machine" in fixtures and ("page" in fixtures or "live_server" in fixtures):
            raise pytest.UsageError(f"{item.nodeid}: freeze the clock (time_machine) only in tests without a browser")



# --- pages from cached fragments (tests/fragments.py) ------------------------------------------

@pytest.fixture
def fragments_only(settings):
    """The whole-page cache off: what a signed-in visitor gets, and every page right after a content change."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(params=["ja", "furigana", "en"])
def visitor(request):
    """An anonymous visitor in each setting bench/render.py measures (日本語, ふりがな, English)."""
    from django.test import Client

    from tests.fragments import VARIANTS

    client = Client()
    client.cookies.load(VARIANTS[request.param])
    client.variant = request.param
    return client
