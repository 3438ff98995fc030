"""A new worker asks itself for every public page once per language and ふりがな before its first visitor, and
leaves no page in the page cache and no database connection open (nerima_portal/warm_pages.py, gunicorn.conf.py)."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection, connections

from nerima_portal.page_cache import MARK
from nerima_portal.page_cache import PREFIX as PAGE_PREFIX
from nerima_portal.warm_pages import OTHER_LANGUAGE_PAGES, warm_addresses, warm_worker
from tests.redis_server import free_port, running_redis


def warm_requests(addresses) -> int:
    """Every page in Japanese, with ふりがな and in English; the first few in each other language."""
    return 3 * len(addresses) + (len(settings.LANGUAGES) - 2) * OTHER_LANGUAGE_PAGES


def database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


SERVER_NAME = "warm-up-test"  # the gunicorn's connections say so (libpq reads PGAPPNAME)


def server_backends() -> int:
    """Connections of the gunicorn under test to this test database (an earlier test's live server or worker
    thread in this process may still hold one of its own)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = %s",
            [SERVER_NAME],
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_addresses_cover_the_main_pages_each_finder_with_a_question_and_each_kind_of_page(demo_data):
    addresses = warm_addresses()
    assert "/" in addresses and "/calendar/" in addresses and "/cafes/" in addresses
    assert any(address.startswith("/hiroba/finder/?topic=") and "address=" in address for address in addresses)
    assert any(address.startswith("/search/?q=") for address in addresses)
    assert any(address.startswith("/cafes/care/") for address in addresses)
    assert any(address.startswith("/sessions/") for address in addresses)
    assert any(address.startswith("/organizations/") for address in addresses)
    assert len(addresses) == len(set(addresses)) and not any("#" in address for address in addresses)


@pytest.mark.django_db(transaction=True)
def test_the_warm_up_renders_every_page_in_every_setting_stores_no_page_and_closes_its_connection(
    demo_data, client, settings, frozen_again
):
    settings.PAGE_CACHE_SECONDS = 300  # as in production: a page asked for would be stored if the warm-up let it
    addresses = warm_addresses()
    beats = []
    statuses = warm_worker(get_wsgi_application(), notify=lambda: beats.append(1))
    assert connections["default"].connection is None
    assert statuses == {"200": warm_requests(addresses)}
    assert len(beats) == warm_requests(addresses)  # gunicorn's master heard from the worker after each page
    assert settings.PAGE_CACHE_SECONDS == 300
    stored = 0
    for address in addresses:
        # Each page is rendered for its first visitor (then stored, unless it carries a form), never served from
        # anything the warm-up left.
        assert client.get(address).get(MARK) != "hit", address
        stored += client.get(address).get(MARK) == "hit"
    assert stored > len(addresses) / 2  # the page cache was on all along


@pytest.mark.django_db(transaction=True)
def test_a_gunicorn_worker_warms_up_before_its_first_visitor_and_leaves_nothing_behind(demo_data, tmp_path):
    """gunicorn reads gunicorn.conf.py from the working directory, as the systemd unit and the bench start it."""
    log = tmp_path / "gunicorn.log"
    with running_redis(tmp_path) as redis_url:
        env = {
            **os.environ, "DATABASE_URL": database_url(), "CACHE_URL": redis_url, "PAGE_CACHE_SECONDS": "300",
            "CONN_MAX_AGE": "60", "LOG_LEVEL": "INFO",  # a connection left open by the warm-up would stay open
            "PGAPPNAME": SERVER_NAME,
        }
        port = free_port()
        with log.open("wb") as output:
            server = subprocess.Popen(  # noqa: S603 - the project's own gunicorn
                [str(Path(sys.executable).with_name("gunicorn")), "nerima_portal.wsgi", "--workers", "1",
                 "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
                cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 180
            while "pages warm in" not in log.read_text(errors="replace"):
                assert server.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.2)
            warmed = re.search(r"pages warm in .*\{'200': (\d+)\}", log.read_text()).group(1)
            assert int(warmed) == warm_requests(warm_addresses())
            assert server_backends() == 0  # the worker is up and holds no database connection
            keys = redis.Redis.from_url(redis_url).keys("*")
            assert any(b"fragment:" in key for key in keys)  # the pages went through the shared cache …
            assert not any(f":{PAGE_PREFIX}".encode() in key for key in keys)  # … and stored no page in it
            # The first visitor's request keeps its connection (CONN_MAX_AGE), which the count sees. A search nobody
            # asked yet (a warmed /cafes/ now comes whole from the cache: answer, cards and form, no query at all).
            answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/cafes/?weekday=6&time_of_day=pm", timeout=60)  # noqa: S310
            assert answer.status == 200 and server_backends() == 1
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
