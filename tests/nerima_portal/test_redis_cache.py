"""The Redis cache backend keeps one client per connection pool, and still behaves as Django's own."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from nerima_portal.env import cache_config
from nerima_portal.redis_cache import RedisCache
from tests.redis_server import running_redis


def _cache(url: str) -> RedisCache:
    config = cache_config(url)
    return RedisCache(config["LOCATION"], {"KEY_PREFIX": config["KEY_PREFIX"], "OPTIONS": config["OPTIONS"]})


def test_every_command_reuses_the_same_client_object(tmp_path):
    with running_redis(tmp_path) as url:
        cache = _cache(url)
        first = cache._cache.get_client(write=True)
        assert cache._cache.get_client(write=False) is first
        assert cache._cache.get_client("any-key", write=True) is first


def test_it_stores_reads_counts_and_forgets_like_djangos_backend(tmp_path):
    with running_redis(tmp_path) as url:
        cache = _cache(url)
        assert isinstance(cache, DjangoRedisCache)
        cache.set("card", "<li>カフェ</li>", 60)
        cache.set_many({"a": 1, "b": {"x": [1, 2]}}, 60)
        assert cache.get("card") == "<li>カフェ</li>"
        assert cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": {"x": [1, 2]}}
        assert cache.add("a", 5) is False
        assert cache.incr("a") == 2
        cache.delete("card")
        assert cache.get("card") is None
