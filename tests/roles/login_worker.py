"""One app server's share of the shared-limit test in test_brute_force: wrong passwords from one client address.

Run as its own process with CACHE_URL pointing at the shared Redis; prints the status codes it got as JSON.
Arguments: the common start time, then the e-mail addresses to try (one wrong password each, in order).
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

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

# As in the suite (tests/conftest.py): the limit is under test, not the hash, and PBKDF2 cost seconds of CPU.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

start_at, client_address, emails = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address)
client.get("/accounts/login/")  # warm up (imports, connections) before the common start
time.sleep(max(0.0, start_at - time.time()))
statuses = [
    client.post("/accounts/login/", {"login": email, "password": "wrong-password"}).status_code for email in emails
]
print(json.dumps(statuses))
