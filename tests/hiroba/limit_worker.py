"""One app server's share of test_shared_limit: sends consultation requests from one client address behind the proxy.

Run as its own process with CACHE_URL pointing at the shared Redis; prints the status codes it got as JSON.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from tests.hiroba.test_requests import ANONYMOUS  # noqa: E402

start_at, count, client_address = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address)
client.get("/hiroba/request/")  # warm up (imports, connections) before the common start
time.sleep(max(0.0, start_at - time.time()))
statuses = [client.post("/hiroba/request/", ANONYMOUS).status_code for _ in range(count)]
print(json.dumps(statuses))
