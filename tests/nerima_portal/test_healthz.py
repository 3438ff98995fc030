"""/healthz tells the load balancer whether this app server can serve: database, cache, task queue."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_with_each_check(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
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
