"""Shared personas, factories and the real-browser setup for every test module.

Personas: staff (区職員), coordinator (社協コーディネーター), org_member (a 代表者 of organization A),
other_org_member (a member of organization B), resident, and the anonymous visitor (the plain client).
"""

import datetime as dt
import os
import shutil

import pytest
from django.utils import timezone

from community.models import Listing, Membership, Organization, Place, PublicationStatus, Session, User
from nerima_portal.staff_groups import COORDINATOR, WARD_STAFF, sync_staff_groups

# The outbox's database queue, real worker and local SMTP server (tests/outbox_fixtures.py).
pytest_plugins = ["tests.outbox_fixtures"]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _geography(db):
    """Areas, towns and 丁目 come from a data migration; put them back after a transactional test flushed them."""
    from community.geography import load_area_desks, load_geography
    from community.models import Area, Chome, Town

    if not Chome.objects.exists():
        load_geography(Area, Town, Chome)
        load_area_desks(Area)


@pytest.fixture(autouse=True)
def _portal_settings(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The outbox's tasks run at once after commit (mail.outbox as before); tests of the queue itself use the
    # database backend and a real worker (tests/community/test_outbox*.py).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate limits (allauth, consultation requests) count in the cache: each test starts from zero.
    from django.core.cache import cache

    cache.clear()


# --- factories -------------------------------------------------------------------------------

def make_user(email: str, *, name: str = "", is_staff: bool = False, verified: bool = True, **extra) -> User:
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(email=email, password="pass-word-123", full_name=name, is_staff=is_staff, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


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
    return sync_staff_groups()


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


# --- real browser ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it (Debian: apt-get install chromium)")
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
def assert_accessible():
    """Run axe-core on the page and fail with a readable list of violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']}: {v['help']} @ {[n['target'] for n in v['nodes']][:3]}" for v in violations
        )
        assert not violations, f"axe-core found violations on {page.url}:\n{report}"

    return check


@pytest.fixture
def login(live_server):
    """Log a user in through the real login form."""

    def do_login(page, email: str, password: str = "pass-word-123"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("メールアドレス").fill(email)
        page.get_by_label("パスワード").first.fill(password)
        page.get_by_role("button", name="ログイン").click()

    return do_login


@pytest.fixture
def login_as(live_server):
    """Give the browser a logged-in session for `user` without going through the form (fast, label-proof)."""
    from django.conf import settings as django_settings
    from django.test import Client

    def do_login(page, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return do_login


def pytest_collection_modifyitems(items):
    # Browser tests need the live server, so they may not share a transaction.
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))

