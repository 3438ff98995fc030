"""In-process render time of the bench pages without the whole-page cache: where a page's Python time goes.

    python -m bench.render                                   # median of 50 renders per page, 日本語
    python -m bench.render --pages calendar,cafes --variants ja,furigana,en --renders 20
    python -m bench.render --pages cafes --profile 30        # cProfile: the 30 costliest functions
    python -m bench.render --dump /tmp/before                # each page's HTML (every cache empty), to diff
    python -m bench.render --pages "session detail" --page-cache   # the whole-page cache: hit, miss, miss after a change

Run against a database with the bench data (bench/seed.py) and the settings the servers use (PRODUCTION=true,
CACHE_URL at a Redis). Renders go through django.test.Client with PAGE_CACHE_SECONDS=0, keeping whatever smaller
caches (fragments, content version) a warm server has, as bench/probe.py does; the first render of each page and
variant is a warm-up and is not counted. --dump renders every page once with the caches emptied first, so two
dumps of the same data (before and after a change) can be compared byte for byte (CSRF tokens aside), and says
when the next render, from the cached fragments, differs from it. --page-cache times the whole-page cache instead
(PAGE_CACHE_SECONDS on, each request from a new visitor with no cookie but the variant's): a hit, a miss (the page's
entry dropped, fragments warm) and a miss after a content change (the content version moved: fragments missing too).
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

import django

# The header switches as a visitor's cookies (the same three settings bench/run.py times on a fresh server).
VARIANTS = {"ja": {}, "furigana": {"furigana": "on"}, "en": {"django_language": "en"}}


def _without_csrf(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="", help="comma-separated page names of bench/probe.py (default: all)")
    parser.add_argument("--variants", default="ja", help=f"comma-separated, of {', '.join(VARIANTS)}")
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument("--dump", type=Path, help="write each page's HTML here (caches emptied first)")
    parser.add_argument("--page-cache", action="store_true", help="time hits and misses of the whole-page cache")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")
    django.setup()
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from bench.probe import page_addresses
    from nerima_portal.warmup import warm_up

    warm_up()  # as each gunicorn worker does (nerima_portal/wsgi.py): the same heap, the same first renders

    wanted = {name for name in args.pages.split(",") if name}
    pages = [(name, url) for name, url in page_addresses() if not wanted or name in wanted]
    variants = [name for name in args.variants.split(",") if name]
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    if args.page_cache:
        _page_cache_times(pages, variants, args.renders)
        return
    profile = cProfile.Profile() if args.profile else None
    # Wall time includes the database's answers; CPU time is this process's alone (less moved by a busy machine).
    print(f"{'page':<18} {'variant':<9} {'median ms':>9} {'p90 ms':>7} {'cpu ms':>7}", file=sys.stderr)
    with override_settings(PAGE_CACHE_SECONDS=0):
        for name, url in pages:
            for variant in variants:
                client = Client(HTTP_X_FORWARDED_PROTO="https")
                for cookie, value in VARIANTS[variant].items():
                    client.cookies[cookie] = value
                if args.dump:
                    cache.clear()
                    response = client.get(url)
                    assert response.status_code == 200, (name, variant, response.status_code)
                    (args.dump / f"{name.replace(' ', '_')}.{variant}.html").write_bytes(response.content)
                warm = client.get(url)  # warm-up: templates compiled, fragments cached, connection open
                if args.dump and _without_csrf(warm.content) != _without_csrf(response.content):
                    print(f"{name} {variant}: the page from cached fragments differs from the one rendered afresh",
                          file=sys.stderr)
                times, cpu = [], []
                for _ in range(args.renders):
                    start, start_cpu = time.perf_counter(), time.process_time()
                    if profile:
                        profile.enable()
                    client.get(url)
                    if profile:
                        profile.disable()
                    times.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
                times.sort()
                p90 = times[int(len(times) * 0.9) - 1] if len(times) >= 10 else times[-1]
                print(f"{name:<18} {variant:<9} {statistics.median(times):9.1f} {p90:7.1f} {statistics.median(cpu):7.1f}",
                      flush=True)
    if profile:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())


def _page_cache_times(pages, variants, renders: int) -> None:
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from community import content_version
    from nerima_portal.page_cache import MARK, page_key

    def new_visitor(variant):
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        for cookie, value in VARIANTS[variant].items():
            client.cookies[cookie] = value
        return client

    kinds = {  # what happens before each request
        "hit": lambda key: None,
        "miss": cache.delete,
        "miss+version": lambda key: cache.incr(content_version.KEY),
    }
    print(f"{'page':<18} {'variant':<9} {'kind':<13} {'median ms':>9} {'p90 ms':>7} {'cpu ms':>7}", file=sys.stderr)
    with override_settings(PAGE_CACHE_SECONDS=300):
        for name, url in pages:
            for variant in variants:
                first = new_visitor(variant).get(url)  # stores the page (and warms what a worker has warm)
                key = page_key(first.wsgi_request)
                for kind, before in kinds.items():
                    times, cpu = [], []
                    for _ in range(renders):
                        before(key)
                        client = new_visitor(variant)
                        start, start_cpu = time.perf_counter(), time.process_time()
                        response = client.get(url)
                        times.append((time.perf_counter() - start) * 1000)
                        cpu.append((time.process_time() - start_cpu) * 1000)
                        assert response[MARK] == kind.split("+")[0], (name, variant, kind, response.get(MARK))
                    times.sort()
                    p90 = times[int(len(times) * 0.9) - 1] if len(times) >= 10 else times[-1]
                    print(f"{name:<18} {variant:<9} {kind:<13} {statistics.median(times):9.1f} {p90:7.1f} "
                          f"{statistics.median(cpu):7.1f}", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
