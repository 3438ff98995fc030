"""Run in its own process by test_error_reports: one request that fails, with the settings of the environment."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

with override_settings(ROOT_URLCONF="tests.nerima_portal.failing_urls"):
    response = Client(raise_request_exception=False).get("/boom/")
print(f"status={response.status_code}", file=sys.stderr)
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.flush(timeout=10)
