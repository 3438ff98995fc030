"""Production mode must pass Django's deployment checks without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


# Variables of the test run that a deployment would not have.
UNSET = {"DEBUG", "DATABASE_URL", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE", "EMAIL_BACKEND"}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_mode_passes_check_deploy_with_no_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        PRODUCTION="true", SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="portal.example.jp",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = run_manage("check", PRODUCTION="true", ALLOWED_HOSTS="portal.example.jp")
    assert result.returncode != 0
    assert "Environment variable SECRET_KEY is required" in result.stderr


def test_development_defaults_use_sqlite_with_immediate_transactions():
    result = run_manage("shell", "--no-imports", "-c", "from django.conf import settings as s; d = s.DATABASES['default']; "
                        "print(d['ENGINE'], d['OPTIONS']['transaction_mode'], s.DEBUG, s.EMAIL_BACKEND)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django.db.backends.sqlite3", "IMMEDIATE", "True", "django.core.mail.backends.console.EmailBackend",
    ]
