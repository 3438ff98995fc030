"""/healthz tells the load balancer whether this app server can serve: database, cache, task queue."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_with_each_check(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["task_queue"]["ok"] and body["checks"]["task_queue"]["lag_seconds"] == 0
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_and_names_the_cache_when_it_keeps_nothing(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["ok"] is False
    assert body["checks"]["cache"] == {"ok": False, "error": "RuntimeError", "ms": body["checks"]["cache"]["ms"]}
    assert body["checks"]["database"]["ok"] is True


def test_healthz_needs_no_login_and_shows_no_data(client):
    body = client.get(reverse("healthz")).content.decode()
    assert set(client.get(reverse("healthz")).json()) == {"ok", "checks"}
    assert "@" not in body


def _ready_task(waited: dt.timedelta, **extra):
    """A mail task in the database queue that has been ready to run for `waited`."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"message_id": 1}}, task_path="community.tasks.deliver_outbox_message",
        queue_name="default", backend_name="default", run_after=extra.pop("run_after", get_date_max()), **extra,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_a_worker_keeping_up_reports_its_lag(client, settings):
    settings.TASK_QUEUE_MAX_LAG = 300
    _ready_task(dt.timedelta(seconds=40))
    body = client.get(reverse("healthz")).json()
    assert body["ok"] is True
    assert 40 <= body["checks"]["task_queue"]["lag_seconds"] < 60


def test_a_stuck_worker_makes_healthz_503(client, settings):
    settings.TASK_QUEUE_MAX_LAG = 300
    _ready_task(dt.timedelta(minutes=20))
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"]["ok"] is False


def test_a_task_scheduled_for_later_is_not_late(client, settings):
    # A retry an hour from now was enqueued long ago, but nobody owes it yet.
    settings.TASK_QUEUE_MAX_LAG = 300
    _ready_task(dt.timedelta(hours=2), run_after=timezone.now() + dt.timedelta(hours=1))
    assert client.get(reverse("healthz")).status_code == 200
