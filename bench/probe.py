"""In-process look at each bench page: its address, status, bytes, SQL queries and the time of a render.

    DJANGO_SETTINGS_MODULE=nerima_portal.settings python -m bench.probe > pages.json

Run by bench/run.py with the production settings the servers use. Prints JSON: one object per page. The median
render time of a few requests in one process is the low-noise "cost" that is compared between data scales; the
throughput figures come from wrk against gunicorn.
"""

import json
import os
import statistics
import sys
import time
from urllib.parse import urlencode

import django

RENDERS = 7


def page_addresses() -> list[tuple[str, str]]:
    """(name, address) of the public pages measured: the issue's seven, then one of each list and detail."""
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import timezone

    from cafes.models import CareCafe, KidsCafe
    from community.models import Area, Organization, Session
    from hiroba.models import Plaza
    from international.models import JapaneseClass
    from volunteers.models import Opening

    now = timezone.now()
    shakujii = Area.objects.get(slug="shakujii")
    upcoming = Q(sessions__starts_at__gte=now, sessions__is_cancelled=False)
    care = CareCafe.objects.published().annotate(n=Count("sessions", filter=upcoming)).order_by("-n", "pk").first()
    kids = KidsCafe.objects.published().annotate(n=Count("lectures")).order_by("-n", "pk").first()
    session = (
        Session.objects.visible().filter(starts_at__gte=now, signup_required=True, is_cancelled=False)
        .annotate(n=Count("signups")).order_by("-n", "pk").first()
    )
    organization = Organization.objects.published().annotate(n=Count("listings")).order_by("-n", "pk").first()
    pages = [
        ("home", reverse("home")),
        ("cafes", reverse("cafes:index")),
        ("cafes filtered", reverse("cafes:index") + "?" + urlencode({"area": shakujii.slug, "weekday": 2, "time_of_day": "am"})),
        ("kids cafes", reverse("cafes:kids_index")),
        ("finder address", reverse("hiroba:finder") + "?" + urlencode({"topic": "elderly", "address": "豊玉北5丁目"})),
        ("search カフェ", reverse("search") + "?" + urlencode({"q": "カフェ"})),
        ("calendar", reverse("calendar")),
        ("care detail", care.get_absolute_url()),
        ("kids detail", kids.get_absolute_url()),
        ("session detail", reverse("community:session_detail", args=[session.pk])),
        ("organization", organization.get_absolute_url()),
        ("openings", reverse("volunteers:openings")),
        ("opening detail", Opening.objects.accepting().order_by("pk").first().get_absolute_url()),
        ("plazas", reverse("hiroba:plaza_list")),
        ("plaza detail", Plaza.objects.published().order_by("pk").first().get_absolute_url()),
        ("japanese classes", reverse("international:class_list")),
        ("class detail", JapaneseClass.objects.published().order_by("pk").first().get_absolute_url()),
        ("associations", reverse("volunteers:association_list")),
    ]
    return pages


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    only = set(sys.argv[1:])
    results = []
    for name, url in page_addresses():
        if only and name not in only:
            continue
        client.get(url)  # templates, catalogs and readings loaded
        cache.clear()  # queries are counted with every cache empty: the most a page can ask
        # Read the captured queries at once: the next request's request_started empties Django's query log.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        queries = list(captured.captured_queries)
        if response.status_code != 200:
            raise SystemExit(f"{name} {url}: HTTP {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        cached_queries = len(captured.captured_queries)
        times = []
        # Rendered every time (no whole-page cache), with whatever smaller caches a warm server has.
        with override_settings(PAGE_CACHE_SECONDS=0):
            for _ in range(RENDERS):
                start = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - start)
        results.append({
            "name": name, "url": url, "bytes": len(response.content), "queries": len(queries),
            "sql_ms": round(sum(float(q["time"]) for q in queries) * 1000, 1),
            "queries_cached": cached_queries, "render_ms": round(statistics.median(times) * 1000, 1),
        })
        print(f"  [probe] {name}: {results[-1]['queries']} queries, {results[-1]['render_ms']} ms", file=sys.stderr)
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
