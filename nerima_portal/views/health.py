"""/healthz for the load balancer: the database answers, the shared cache keeps a value, the task queue keeps up."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
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


def check_task_queue() -> dict:
    """The oldest task that could run (a mail of the outbox) has waited at most TASK_QUEUE_MAX_LAG seconds."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    lag = 0.0
    if oldest:
        enqueued_at, run_after = oldest
        waiting_since = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
        lag = max(0.0, (timezone.now() - waiting_since).total_seconds())
    if lag > settings.TASK_QUEUE_MAX_LAG:
        raise RuntimeError(f"the oldest ready task has waited {lag:.0f}s: is the worker running?")
    return {"lag_seconds": round(lag, 1)}


CHECKS = {"database": check_database, "cache": check_cache, "task_queue": check_task_queue}


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
