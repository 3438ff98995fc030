"""Production mode must pass Django's deployment checks without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


# Variables of the test run that a deployment would not have.
UNSET = {"DEBUG", "DATABASE_URL", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE", "EMAIL_BACKEND", "CACHE_URL",
         "REDIS_URL", "SITE_URL", "SENTRY_DSN", "TRUSTED_PROXIES", "ADMINS"}
# What a deployment must set (deploy/portal.env.example); check --deploy never connects to Redis.
PRODUCTION_ENV = {"PRODUCTION": "true", "ALLOWED_HOSTS": "portal.example.jp", "SITE_URL": "https://portal.example.jp",
                  "CACHE_URL": "redis://127.0.0.1:6379/0"}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env={**clean, **env}, capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_mode_passes_check_deploy_with_no_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV, SECRET_KEY=secrets.token_urlsafe(60),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = run_manage("check", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "Environment variable SECRET_KEY is required" in result.stderr


def test_debug_off_refuses_to_start_with_the_public_development_key():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "DEBUG=false needs its own SECRET_KEY" in result.stderr


def test_debug_off_starts_with_a_key_of_its_own():
    result = run_manage("check", DEBUG="false", SECRET_KEY=secrets.token_urlsafe(60))
    assert result.returncode == 0, result.stderr


def test_production_mode_refuses_to_start_without_redis():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(60)}
    del env["CACHE_URL"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "PRODUCTION=true needs CACHE_URL (or REDIS_URL) pointing at Redis" in result.stderr


def test_production_mode_refuses_to_start_without_site_url():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(60)}
    del env["SITE_URL"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "Environment variable SITE_URL is required" in result.stderr


def test_production_reads_its_paths_cache_and_sessions_from_the_environment(tmp_path):
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(60), "STATIC_ROOT": str(tmp_path / "static"),
           "MEDIA_ROOT": str(tmp_path / "media"), "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
           "ADMINS": "区職員 当番 <duty@portal.example.jp>, it@portal.example.jp"}
    result = run_manage("shell", "--no-imports", "-c", "from django.conf import settings as s; "
                        "print(s.STATIC_ROOT, s.MEDIA_ROOT, s.PRIVATE_MEDIA_ROOT, s.CACHES['default']['BACKEND'], "
                        "s.SESSION_ENGINE, s.SITE_URL, s.LOG_FORMAT); print(s.ADMINS)", **env)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[-2:]
    assert first.split() == [
        str(tmp_path / "static"), str(tmp_path / "media"), str(tmp_path / "private"),
        "nerima_portal.redis_cache.RedisCache", "django.contrib.sessions.backends.cached_db",
        "https://portal.example.jp", "json",
    ]
    assert second == "[('区職員 当番', 'duty@portal.example.jp'), ('it@portal.example.jp', 'it@portal.example.jp')]"


def test_development_defaults_use_sqlite_with_immediate_transactions():
    result = run_manage("shell", "--no-imports", "-c", "from django.conf import settings as s; d = s.DATABASES['default']; "
                        "print(d['ENGINE'], d['OPTIONS']['transaction_mode'], s.DEBUG, s.EMAIL_BACKEND)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django.db.backends.sqlite3", "IMMEDIATE", "True", "django.core.mail.backends.console.EmailBackend",
    ]


def test_development_needs_no_redis_and_keeps_the_cache_in_memory():
    result = run_manage("shell", "--no-imports", "-c", "from django.conf import settings as s; "
                        "print(s.CACHES['default']['BACKEND'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "django.core.cache.backends.locmem.LocMemCache"
