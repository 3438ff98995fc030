"""The portal's own settings for `make bench`, plus a Redis cache while the deployment's CACHES is not yet there.

Production reads its cache from the environment (issue 15); until nerima_portal/settings.py does, the bench puts
the same Redis `default` cache in place here, so what is measured is what production will run.
"""

import os

from nerima_portal.settings import *  # noqa: F403
from nerima_portal.settings import CACHES, STATIC_ROOT

_redis_url = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
if _redis_url and CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}}

# collectstatic writes into the bench's own temporary folder, not the checkout.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)
