"""How much does ふりがな cost on a list page? In-process with Django's test client, repeated runs.

    DJANGO_ALLOW_ASYNC_UNSAFE=true scripts/with-postgres.sh .venv/bin/python scripts/bench_furigana.py [URL] [RUNS]

Migrates an empty database, loads the demo data, then times the same Japanese list page with the
furigana cookie off and on, alternating, and reports medians and the ratio. The first request with
the cookie on after clearing the reading cache is reported separately (cold cache).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from community.i18n.furigana import clear_cache

    settings.ALLOWED_HOSTS = ["testserver"]
    url = sys.argv[1] if len(sys.argv) > 1 else "/international/classes/"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)

    plain, ruby = Client(), Client()
    ruby.cookies["furigana"] = "on"
    for client in (plain, ruby):  # warm up templates and connections
        assert client.get(url).status_code == 200

    def timed(client) -> float:
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200
        return time.perf_counter() - start

    clear_cache()
    cold = timed(ruby)
    off, on = [], []
    for _ in range(runs):
        off.append(timed(plain))
        on.append(timed(ruby))
    size = len(plain.get(url).content)
    ruby_count = ruby.get(url).content.count(b"<ruby>")
    median_off, median_on = statistics.median(off), statistics.median(on)
    print(f"page {url}: {size} bytes, {ruby_count} <ruby> elements with furigana on, {runs} runs each")
    print(f"furigana off: median {median_off * 1000:.1f} ms")
    print(f"furigana on:  median {median_on * 1000:.1f} ms (cold cache first request {cold * 1000:.1f} ms)")
    print(f"ratio on/off: {median_on / median_off:.2f} (must stay below 2.0)")


if __name__ == "__main__":
    main()
