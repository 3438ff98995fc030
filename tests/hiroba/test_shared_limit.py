"""Two app-server processes sharing one real Redis count the consultation limit once, not once each."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from hiroba.models import ConsultationRequest
from tests.redis_server import running_redis

WORKER = Path(__file__).with_name("limit_worker.py")


def database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_one_count_per_client_address(tmp_path):
    with running_redis(tmp_path) as redis_url:
        env = {
            **os.environ, "DATABASE_URL": database_url(), "CACHE_URL": redis_url, "TRUSTED_PROXIES": "127.0.0.1",
        }
        start_at = f"{time.time() + 4:.3f}"
        servers = [
            subprocess.Popen(  # noqa: S603 - our own worker script
                [sys.executable, str(WORKER), start_at, "6", "203.0.113.50"],
                cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for _ in range(2)
        ]
        outputs = [server.communicate(timeout=120) for server in servers]
    for server, (_stdout, stderr) in zip(servers, outputs, strict=True):
        assert server.returncode == 0, stderr
    statuses = [status for stdout, _stderr in outputs for status in json.loads(stdout.splitlines()[-1])]
    # The default limit is 5 an hour for one address: 12 tries across both servers, 5 accepted in all
    # (a count kept per process would have let 10 through).
    assert sorted(statuses) == [302] * 5 + [429] * 7
    assert ConsultationRequest.objects.count() == 5
