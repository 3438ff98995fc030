"""A 500 leaves a traceback on stdout as one JSON line, and reaches Sentry when SENTRY_DSN is set."""

import gzip
import json
import os
import secrets
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from django.conf import settings

SCRIPT = Path(__file__).with_name("failing_request.py")
UNSET = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL", "REDIS_URL", "SENTRY_DSN", "PRODUCTION"}


def run_failing_request(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 - our own script
        [sys.executable, str(SCRIPT)], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120, check=False,
        env={**clean, "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50), **env},
    )


def test_a_server_error_is_logged_with_its_traceback_as_one_json_line():
    result = run_failing_request(LOG_FORMAT="json")
    assert "status=500" in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    errors = [record for record in records if record["level"] == "ERROR"]
    assert len(errors) == 1, result.stdout
    error = errors[0]
    assert error["logger"] == "django.request" and error["path"] == "/boom/" and error["status"] == 500
    assert error["exception"] == "ZeroDivisionError"
    assert "Traceback (most recent call last)" in error["traceback"] and "1 / 0" in error["traceback"]


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":  # the SDK picks brotli when the module is installed
            import brotli

            body = brotli.decompress(body)
        self.bodies.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_server_error_reaches_sentry_when_a_dsn_is_set():
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/7"
        result = run_failing_request(SENTRY_DSN=dsn)
    finally:
        server.shutdown()
    assert "status=500" in result.stderr, result.stderr
    events = b"\n".join(_Collector.bodies)
    assert b'"type":"ZeroDivisionError"' in events.replace(b" ", b""), events[:2000]
