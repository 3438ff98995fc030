"""Ask a new worker for each public page pattern in Japanese, with ふりがな and in English (and a few pages in each
other language), through the application itself, before it takes its first visitor (gunicorn's post_worker_init,
gunicorn.conf.py).

What a fresh worker's first request still paid after warmup.py had loaded the URL tables, templates, catalogs and
ふりがな's dictionary (profiled on this machine: 2–5 × the warm request): each view's first run (lazy imports,
querysets and forms built the first time, the page frame rendered once per language, the cache's connection) and
the fragments of the page missing from the shared cache — so the warm-up asks for the pages themselves.

The requests are anonymous GETs through the WSGI application and every middleware, exactly as a visitor's, with
two differences: the whole-page cache is off while they run (no page is stored; what a visitor gets next is
rendered for them), and they come from the loopback address. Fragments they render are stored as a visitor's
would be (keyed by the content version and language), which is part of the point.
"""

import gc
import io
import logging
import sys
import time
from urllib.parse import urlencode, urlsplit

logger = logging.getLogger("nerima.warmup")

OTHER_LANGUAGE_PAGES = 3  # home, calendar, cafés: see _settings_to_warm


def warm_addresses() -> list[str]:
    """One address of each public page pattern: the main pages, each finder with a question, one page of each kind.

    Read from the data, so a ward with other areas and listings warms its own; a kind with nothing published yet is
    skipped (nobody can open its page either)."""
    from django.db.models import Min
    from django.urls import reverse
    from django.utils import timezone

    from community.models import Area, Chome, Listing, Organization, Session
    from community.models.listings import specific_listings
    from nerima_portal.search_examples import SEARCH_EXAMPLES
    from nerima_portal.sitemaps import MAIN_PAGES

    addresses = [reverse(name) for name in MAIN_PAGES]
    area = Area.objects.order_by("pk").first()
    chome = Chome.objects.select_related("town").exclude(number=0).order_by("pk").first()
    if area is not None:
        criteria = {"area": area.slug, "weekday": 2, "time_of_day": "am"}
        addresses.append(reverse("cafes:index") + "?" + urlencode(criteria))
    if chome is not None:
        addresses.append(reverse("hiroba:finder") + "?" + urlencode({"topic": "elderly", "address": str(chome)}))
        addresses.append(reverse("search") + "?" + urlencode({"q": str(chome)}))  # an address answered as a place
    addresses.append(reverse("search") + "?" + urlencode({"q": SEARCH_EXAMPLES[0][0]}))
    first_of_kind = (
        Listing.objects.published().exclude(kind=Listing._meta.label_lower)
        .values("kind").annotate(first=Min("pk")).values_list("first", flat=True)
    )
    listings = specific_listings(Listing.objects.filter(pk__in=list(first_of_kind)).order_by("pk"), related=())
    addresses += [listing.get_absolute_url() for listing in listings]
    organization = Organization.objects.published().order_by("pk").first()
    if organization is not None:
        addresses.append(organization.get_absolute_url())
    session = (
        Session.objects.visible()
        .filter(starts_at__gte=timezone.now(), is_cancelled=False, listing__organization__status="published")
        .order_by("starts_at", "pk").first()
    )
    if session is not None:
        addresses.append(reverse("community:session_detail", args=[session.pk]))
    return list(dict.fromkeys(address.partition("#")[0] for address in addresses))


def _environ(address: str, cookies: dict[str, str]) -> dict:
    """A WSGI environ for an anonymous GET of `address`, as nginx would pass it (HTTPS, the site's own host)."""
    from django.conf import settings

    site = urlsplit(getattr(settings, "SITE_URL", None) or "")
    host = site.hostname or next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    path, _, query = address.partition("?")
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": host.lstrip("."), "SERVER_PORT": "443", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host.lstrip("."), "HTTP_X_FORWARDED_PROTO": "https", "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }


def _settings_to_warm(addresses: list[str]) -> list[tuple[dict[str, str], list[str]]]:
    """(cookies, addresses) per setting: every page in Japanese, with ふりがな and in English (the settings most
    visitors read, and what `make bench` times); in the other languages the first few pages, which load each
    language's page frame and translated-content paths (their fragments are shared through the cache anyway).
    Every page in all seven settings took 5 s of CPU per worker on this machine, three settings about half."""
    from django.conf import settings

    from community.i18n.middleware import FURIGANA_COOKIE

    cookie = settings.LANGUAGE_COOKIE_NAME
    every_page = [{}, {FURIGANA_COOKIE: "on"}, {cookie: "en"}]
    others = [{cookie: code} for code, _name in settings.LANGUAGES if code not in (settings.LANGUAGE_CODE, "en")]
    return [(cookies, addresses) for cookies in every_page] + [(cookies, addresses[:OTHER_LANGUAGE_PAGES])
                                                                for cookies in others]


def _start_response(seen: list[str]):
    def start_response(status, headers, exc_info=None):
        seen.append(status)

    return start_response


def render_pages(application, notify=None) -> dict[str, int]:
    """GET each warm address in each setting through `application`; returns {status: count} (all 200 when well).
    `notify()` after each page tells gunicorn's master the worker is alive (a start longer than its timeout is
    taken for a hung worker otherwise)."""
    from django.conf import settings

    statuses: dict[str, int] = {}
    # The whole-page cache reads the setting on each request (nerima_portal/page_cache.py); off, it stores nothing.
    page_cache_seconds = settings.PAGE_CACHE_SECONDS
    settings.PAGE_CACHE_SECONDS = 0
    try:
        for cookies, addresses in _settings_to_warm(warm_addresses()):
            for address in addresses:
                seen: list[str] = []
                body = application(_environ(address, cookies), _start_response(seen))
                try:
                    for _chunk in body:
                        pass
                finally:
                    if hasattr(body, "close"):
                        body.close()  # request_finished: what a request leaves behind is released as after a visit
                status = seen[0].split()[0] if seen else "none"
                statuses[status] = statuses.get(status, 0) + 1
                if status != "200":
                    logger.warning("warm-up: %s answered %s (%s)", address, status, cookies or "日本語")
                if notify is not None:
                    notify()
    finally:
        settings.PAGE_CACHE_SECONDS = page_cache_seconds
    return statuses


def warm_worker(application, notify=None) -> dict[str, int]:
    """The worker's warm-up: every page once per setting, then no database connection left open and what the pages
    loaded frozen out of the collector's full scans, like the rest of the start (warmup.py). A failure (say, the
    database is not up yet) is logged and the worker starts cold rather than not at all."""
    from django.db import connections

    started, started_cpu = time.perf_counter(), time.process_time()
    statuses: dict[str, int] = {}
    try:
        statuses = render_pages(application, notify)
    except Exception:
        logger.exception("warm-up of the pages failed; the worker starts without it")
    finally:
        connections.close_all()
    gc.collect()
    gc.freeze()
    logger.info(
        "pages warm in %.2f s (%.2f s CPU): %s", time.perf_counter() - started, time.process_time() - started_cpu,
        statuses,
    )
    return statuses
