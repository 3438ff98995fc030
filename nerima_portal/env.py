"""Small typed readers for settings from the environment; a bad value fails loudly."""

import os
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_admins(name: str) -> list[tuple[str, str]]:
    """ADMINS from "Name <a@example.jp>, b@example.jp": Django's (name, address) pairs."""
    admins = []
    for item in env_list(name):
        display, address = parseaddr(item)
        if "@" not in address:
            raise ImproperlyConfigured(f"{name} must list mail addresses, not {item!r}")
        admins.append((display or address, address))
    return admins


def cache_config(url: str) -> dict:
    """One CACHES entry from a URL: redis://, rediss:// or unix:// for Redis; locmem:// or db://table in development."""
    scheme = urlsplit(url).scheme
    if scheme in ("redis", "rediss", "unix"):
        from redis.backoff import ExponentialBackoff
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
        from redis.retry import Retry

        return {
            "BACKEND": "nerima_portal.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "nerima",
            "OPTIONS": {
                # A Redis restart costs a few retries (well under a second), not a failed request.
                "socket_connect_timeout": 1,
                "socket_timeout": 2,
                "health_check_interval": 15,
                "retry": Retry(ExponentialBackoff(cap=0.5, base=0.02), 8),
                "retry_on_error": [RedisConnectionError, RedisTimeoutError],
            },
        }
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": url.split("://", 1)[1]}
    raise ImproperlyConfigured(f"CACHE_URL must start with redis://, rediss://, unix://, locmem:// or db://, not {url!r}")
