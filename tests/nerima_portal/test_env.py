"""The typed readers turn environment values into settings, and refuse what they cannot read."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from nerima_portal.env import cache_config, env_admins


def test_a_redis_url_gives_the_redis_cache_with_retries():
    config = cache_config("redis://127.0.0.1:6379/1")
    assert config["BACKEND"] == "nerima_portal.redis_cache.RedisCache"  # Django's, one client per pool
    assert config["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert config["OPTIONS"]["retry"] is not None and config["OPTIONS"]["socket_timeout"] == 2


def test_development_may_use_local_memory_or_a_database_table():
    assert cache_config("locmem://")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert cache_config("db://portal_cache") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache",
    }


def test_an_unknown_cache_url_is_refused():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with"):
        cache_config("memcached://127.0.0.1:11211")


def test_admins_are_read_with_and_without_names(monkeypatch):
    monkeypatch.setenv("ADMINS", "当番 <duty@example.jp>,it@example.jp")
    assert env_admins("ADMINS") == [("当番", "duty@example.jp"), ("it@example.jp", "it@example.jp")]


def test_admins_without_an_address_are_refused(monkeypatch):
    monkeypatch.setenv("ADMINS", "当番さん")
    with pytest.raises(ImproperlyConfigured, match="ADMINS must list mail addresses"):
        env_admins("ADMINS")
