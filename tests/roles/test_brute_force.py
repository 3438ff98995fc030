"""Guessing passwords: from allauth's limit on (ACCOUNT_RATE_LIMITS["login_failed"]), a login is refused with
HTTP 429 and a plain Japanese explanation, and no password is checked any more: per account, and per client;
and the limit holds across several app processes, which count in the one shared cache (Redis in production)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse

from tests.conftest import make_user
from tests.redis_server import running_redis

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
PER_ACCOUNT = 5  # "5/5m/key"
PER_CLIENT = 10  # "10/m/ip"


@pytest.fixture
def password_checks():
    """How many times a password was checked and found wrong (Django sends this after each failed check)."""
    failures = []

    def count(sender, **kwargs):
        failures.append(kwargs.get("credentials"))

    user_login_failed.connect(count)
    yield failures
    user_login_failed.disconnect(count)


def attempt(client, email, password="wrong-password", address="203.0.113.5"):
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=address)


def test_twenty_wrong_staff_passwords_are_refused_from_the_limit_on(client, staff, password_checks):
    statuses = [attempt(client, staff.email).status_code for _ in range(20)]
    assert statuses == [200] * PER_ACCOUNT + [429] * (20 - PER_ACCOUNT)
    assert len(password_checks) == PER_ACCOUNT  # after the limit, no password was even looked at


def test_the_refusal_says_what_happened_in_japanese(client, staff):
    for _ in range(PER_ACCOUNT):
        attempt(client, staff.email)
    response = attempt(client, staff.email)
    page = response.content.decode()
    assert response.status_code == 429
    assert "しばらくログインできません" in page
    assert "ログインの失敗が続いたため" in page and "数分たってから" in page
    assert reverse("account_reset_password") in page


def test_the_right_password_is_refused_too_once_the_account_is_locked(client, staff, password_checks):
    for _ in range(PER_ACCOUNT):
        attempt(client, staff.email)
    response = attempt(client, staff.email, password="pass-word-123")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert len(password_checks) == PER_ACCOUNT


def test_the_account_limit_holds_from_other_addresses(client, staff):
    statuses = [attempt(client, staff.email, address=f"198.51.100.{n}").status_code for n in range(8)]
    assert statuses == [200] * PER_ACCOUNT + [429] * 3


def test_one_client_guessing_many_accounts_is_stopped_too(client, password_checks):
    emails = [make_user(f"person{n}@example.jp", is_staff=n % 2 == 0).email for n in range(20)]
    statuses = [attempt(client, email).status_code for email in emails]
    assert statuses == [200] * PER_CLIENT + [429] * (20 - PER_CLIENT)
    assert len(password_checks) == PER_CLIENT


def test_another_client_and_another_account_are_not_affected(client, staff, resident):
    for _ in range(PER_ACCOUNT + 2):
        attempt(client, staff.email)
    response = attempt(client, resident.email, password="pass-word-123", address="192.0.2.77")
    assert response.status_code == 302


WORKER = Path(__file__).with_name("login_worker.py")


def database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def two_app_servers(tmp_path, attempts: list[tuple[str, list[str]]]) -> list[int]:
    """Run one worker process per (client address, e-mails) against one Redis, all starting at once."""
    with running_redis(tmp_path) as redis_url:
        env = {**os.environ, "DATABASE_URL": database_url(), "CACHE_URL": redis_url, "TRUSTED_PROXIES": "127.0.0.1"}
        start_at = f"{time.time() + 4:.3f}"
        servers = [
            subprocess.Popen(  # noqa: S603 - our own worker script
                [sys.executable, str(WORKER), start_at, address, *emails],
                cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for address, emails in attempts
        ]
        outputs = [server.communicate(timeout=120) for server in servers]
    for server, (_stdout, stderr) in zip(servers, outputs, strict=True):
        assert server.returncode == 0, stderr
    return [status for stdout, _stderr in outputs for status in json.loads(stdout.splitlines()[-1])]


@pytest.mark.django_db(transaction=True)
def test_the_account_limit_is_one_count_across_two_app_servers(tmp_path):
    staff = make_user("guessed@example.jp", is_staff=True)
    # Two servers, two client addresses, six guesses each at one staff account: 5 are checked in all, not 5 each.
    statuses = two_app_servers(tmp_path, [("203.0.113.61", [staff.email] * 6), ("198.51.100.62", [staff.email] * 6)])
    assert sorted(statuses) == [200] * PER_ACCOUNT + [429] * (12 - PER_ACCOUNT)


@pytest.mark.django_db(transaction=True)
def test_the_client_limit_is_one_count_across_two_app_servers(tmp_path):
    emails = [make_user(f"member{n}@example.jp", is_staff=n % 2 == 0).email for n in range(16)]
    # One client address guessing 16 accounts through both servers: 10 checked in all (a count per process: 16).
    statuses = two_app_servers(tmp_path, [("203.0.113.70", emails[:8]), ("203.0.113.70", emails[8:])])
    assert sorted(statuses) == [200] * PER_CLIENT + [429] * (16 - PER_CLIENT)
