"""`make bench`: the portal at ward scale, served as in production, beside a bare Django page in the same run.

    make bench                      # ward scale, then 10× (about 30 minutes on 2 cores)
    make bench ARGS="--scales 1 --pages cafes,calendar --duration 3"

Run inside scripts/with-postgres.sh (DATABASE_URL is a throwaway cluster). Steps:
1. installs wrk and redis-server with apt if they are missing, starts a private Redis on a free loopback port;
2. loads the demo data and grows it to ward scale with bench/seed.py (the project's services);
3. writes the bare project (bench/bare.py) into the work folder with its own database;
4. per scale: counts queries and bytes in-process (bench/probe.py), then serves the portal twice (whole-page
   cache on, and off with PAGE_CACHE_SECONDS=0) and the bare project, each with gunicorn and 3 sync workers, and
   runs wrk against them interleaved (bare, cached, uncached; page by page; --rounds times);
5. starts fresh one-worker servers per page and setting (日本語, ふりがな, English) and times their first request
   against their warm ones: one on an empty Redis, then one on the Redis it left (a worker restarted into a
   running cluster);
6. prints the table for docs/performance.md, and writes every figure as JSON in the work folder.
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VARIANTS = {"日本語": {}, "ふりがな": {"Cookie": "furigana=on"}, "English": {"Cookie": "django_language=en"}}
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}  # what nginx adds in production (TLS ends there)


def say(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_packages(packages: list[str]) -> None:
    missing = [name for name in packages if subprocess.run(["dpkg", "-s", name], capture_output=True).returncode]
    if missing:
        say(f"installing {' '.join(missing)} with apt-get")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    redis = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout.split()[2:3]
    import django

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(memory) / 1024 / 1024),
        "os": platform.platform(), "python": platform.python_version(), "django": django.get_version(),
        "postgresql": postgres, "redis": "".join(redis).removeprefix("v="), "load": os.getloadavg(),
    }


class Process:
    """A child process with its output in a log file, stopped with SIGTERM (then SIGKILL) by its own pid."""

    def __init__(self, name: str, cmd: list[str], *, env: dict, cwd: Path, logdir: Path):
        self.name = name
        self.log = logdir / f"{name}.log"
        self.proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def http_get(url: str, headers: dict | None = None, timeout: float = 60) -> tuple[int, float, int]:
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
            body = response.read()
            return response.status, time.perf_counter() - start, len(body)
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - start, 0


def wait_ready(url: str, process: Process, timeout: float = 300) -> None:
    # Each worker asks itself for every public page before it answers (gunicorn.conf.py): three servers of three
    # workers starting together on two busy cores took more than 90 s.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.proc.poll() is not None:
            raise SystemExit(f"{process.name} exited: see {process.log}")
        try:
            if http_get(url, timeout=5)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{process.name} did not answer {url} within {timeout:.0f} s: see {process.log}")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url: str, *, duration: int, connections: int, threads: int = 2) -> dict:
    header_args = [arg for name, value in PROXY_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency", *header_args, url],
        capture_output=True, text=True, check=True,
    ).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    if bad or errors or len(latency) != 2:
        raise SystemExit(f"wrk against {url} saw errors:\n{out}")
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(latency["50"]), "p99_ms": _ms(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }
    return result


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="nerima-bench."))
        self.logs = self.work / "logs"
        self.logs.mkdir()
        self.results: dict = {"machine": machine(), "scales": {}, "first_request": {}, "args": vars(args)}
        self.redis_port = free_port()
        database_url = os.environ["DATABASE_URL"]
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "nerima_portal.settings", "PYTHONPATH": str(ROOT),
            "PRODUCTION": "true", "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "SITE_URL": "https://127.0.0.1", "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0", "CACHE_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "STATIC_ROOT": str(self.work / "static"),
            "MEDIA_ROOT": str(self.work / "media"), "LOG_LEVEL": "WARNING",
        }
        self.bare_url = database_url.rsplit("/", 1)[0] + "/bare"
        self.processes: list[Process] = []

    # --- set-up -------------------------------------------------------------------------------------------

    def python(self, *args: str, env: dict | None = None, cwd: Path = ROOT, capture: bool = False) -> str:
        done = subprocess.run([sys.executable, *args], env=env or self.env, cwd=cwd, check=True,
                              stdout=subprocess.PIPE if capture else None, text=True)
        return done.stdout if capture else ""

    def start_redis(self) -> None:
        redis = Process("redis", [
            "redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(self.work), "--maxmemory", "1gb", "--maxmemory-policy", "allkeys-lru",
        ], env=os.environ.copy(), cwd=self.work, logdir=self.logs)
        self.processes.append(redis)
        for _ in range(50):
            if subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise SystemExit(f"redis did not start: see {redis.log}")

    def flush_redis(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.redis_port), "flushall"], check=True, capture_output=True)

    def prepare_portal(self) -> None:
        say("compiling catalogs and collecting static files")
        self.python("manage.py", "compile_catalogs", "-v", "0")
        self.python("manage.py", "collectstatic", "--noinput", "-v", "0")
        # load_demo refuses production mode: the data is loaded in development mode, then served in production mode.
        if all(scale in self.args.seeded for scale in self.args.scales):
            return  # every scale has a database grown before (--seeded)
        say("migrating and loading the demo data")
        self.python("-m", "bench.seed", "--demo", "--scale", "0", env={**self.env, "PRODUCTION": "false"})

    def prepare_bare(self) -> None:
        from bench.bare import SEED, write_project

        say("writing the bare Django project")
        self.bare_dir = write_project(self.work / "bare")
        import psycopg

        with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS bare")
            connection.execute("CREATE DATABASE bare")
        self.bare_env = {**os.environ, "SECRET_KEY": self.env["SECRET_KEY"], "BARE_DATABASE_URL": self.bare_url,
                         "DJANGO_SETTINGS_MODULE": "bareproject.settings", "PYTHONPATH": str(self.bare_dir)}
        self.python("manage.py", "makemigrations", "items", "-v", "0", env=self.bare_env, cwd=self.bare_dir)
        self.python("manage.py", "migrate", "-v", "0", env=self.bare_env, cwd=self.bare_dir)
        self.python("manage.py", "shell", "-c", SEED, env=self.bare_env, cwd=self.bare_dir)

    # --- servers ------------------------------------------------------------------------------------------

    def gunicorn(self, name: str, app: str, *, env: dict, cwd: Path, workers: int) -> tuple[Process, str]:
        port = free_port()
        process = Process(name, [
            str(BIN / "gunicorn"), app, "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
            "--log-level", "warning",
        ], env=env, cwd=cwd, logdir=self.logs)
        self.processes.append(process)
        return process, f"http://127.0.0.1:{port}"

    def stop(self, process: Process) -> None:
        process.stop()
        self.processes.remove(process)

    # --- measurements -------------------------------------------------------------------------------------

    def probe(self) -> list[dict]:
        out = self.python("-m", "bench.probe", *self.args.pages, capture=True)
        return json.loads(out)

    def load(self, scale: int, pages: list[dict]) -> dict:
        workers = self.args.workers
        cached, cached_url = self.gunicorn("portal-cached", "nerima_portal.wsgi", env=self.env, cwd=ROOT, workers=workers)
        uncached, uncached_url = self.gunicorn(
            "portal-uncached", "nerima_portal.wsgi", env={**self.env, "PAGE_CACHE_SECONDS": "0"}, cwd=ROOT,
            workers=workers,
        )
        bare, bare_url = self.gunicorn("bare", "bareproject.wsgi", env=self.bare_env, cwd=self.bare_dir, workers=workers)
        wait_ready(f"{bare_url}/", bare)
        wait_ready(f"{cached_url}/static/css/portal.css", cached)
        wait_ready(f"{uncached_url}/static/css/portal.css", uncached)
        targets = {"bare": (bare_url, None), "cached": (cached_url, None), "uncached": (uncached_url, None)}
        for page in pages:  # every worker warm on every page before anything is timed
            for base in (cached_url, uncached_url):
                for _ in range(workers * 2):
                    http_get(base + page["url"])
        for _ in range(workers * 2):
            http_get(bare_url + "/")
        figures: dict = {page["name"]: {"bare": [], "cached": [], "uncached": []} for page in pages}
        for round_ in range(1, self.args.rounds + 1):
            for page in pages:
                for kind, (base, _none) in targets.items():
                    url = base + ("/" if kind == "bare" else page["url"])
                    figures[page["name"]][kind].append(
                        wrk(url, duration=self.args.duration, connections=self.args.connections)
                    )
                run = figures[page["name"]]
                say(f"{scale}× round {round_} {page['name']}: bare {run['bare'][-1]['rps']:.0f}/s, "
                    f"cached {run['cached'][-1]['rps']:.0f}/s, uncached {run['uncached'][-1]['rps']:.0f}/s")
        for process in (cached, uncached, bare):
            self.stop(process)
        return figures

    def first_request(self, url: str, headers: dict) -> dict:
        """A fresh one-worker server: its first request against the median of its next five."""
        server, base = self.gunicorn(
            "portal-first", "nerima_portal.wsgi", env={**self.env, "PAGE_CACHE_SECONDS": "0"}, cwd=ROOT, workers=1,
        )
        # Ready = answers a static file (the balancer's health check), not yet any page.
        wait_ready(f"{base}/static/css/portal.css", server)
        status, first, _size = http_get(base + url, headers)
        warm = statistics.median(http_get(base + url, headers)[1] for _ in range(5))
        self.stop(server)
        if status != 200:
            raise SystemExit(f"first request of {url}: HTTP {status}")
        return {"first_ms": first * 1000, "warm_ms": warm * 1000}

    def first_requests(self, pages: list[dict]) -> dict:
        """Per page and setting, two fresh servers one after the other. The first starts on an empty Redis: its
        first request also computes every fragment and answer nobody asked for yet (after a deploy that moved the
        content version). The second starts on the Redis the first left, as a worker restarted into a running
        cluster does: its first request against its warm ones is the cost of the process's own start, which the
        "first ÷ warm" column holds to 3 × (docs/performance.md)."""
        results: dict = {}
        for page in pages:
            for variant, headers in VARIANTS.items():
                self.flush_redis()
                empty = self.first_request(page["url"], headers)
                results.setdefault(page["name"], {})[variant] = {
                    **self.first_request(page["url"], headers),
                    "empty_first_ms": empty["first_ms"], "empty_warm_ms": empty["warm_ms"],
                }
            worst = max(results[page["name"]].values(), key=lambda r: r["first_ms"] / r["warm_ms"])
            say(f"first request {page['name']}: worst {worst['first_ms']:.0f} ms vs warm {worst['warm_ms']:.0f} ms "
                f"(on an empty Redis {max(r['empty_first_ms'] for r in results[page['name']].values()):.0f} ms)")
        return results

    def run(self) -> None:
        say(f"work folder {self.work}")
        self.start_redis()
        self.prepare_portal()
        self.prepare_bare()
        for index, scale in enumerate(self.args.scales):
            if scale in self.args.seeded:
                # Grown by an earlier `bench.seed` (seeding 10× takes about 40 minutes): only brought up to date.
                database = self.args.seeded[scale]
                say(f"{scale}×: the data of database {database}, migrated")
                self.env["DATABASE_URL"] = self.env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + database
                self.python("manage.py", "migrate", "--noinput", "-v", "0", env={**self.env, "PRODUCTION": "false"})
            else:
                say(f"growing the data to {scale}× ward scale")
                self.python("-m", "bench.seed", "--scale", str(scale), env={**self.env, "PRODUCTION": "false"})
            self.flush_redis()
            say(f"{scale}×: queries, bytes and render time in-process")
            pages = self.probe()
            self.results["scales"][scale] = {"pages": pages, "load": self.load(scale, pages)}
            if index == 0 and not self.args.no_first_request:
                self.results["first_request"] = self.first_requests(pages)
            self.save()  # a later scale that fails leaves this one's figures
        print(report(self.results))
        say(f"figures: {self.work / 'results.json'}")

    def save(self) -> None:
        self.results["machine"]["load_after"] = os.getloadavg()
        (self.work / "results.json").write_text(json.dumps(self.results, ensure_ascii=False, indent=1))

    def close(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        if not self.args.keep:
            shutil.rmtree(self.work / "static", ignore_errors=True)
            shutil.rmtree(self.work / "bare", ignore_errors=True)


def _ratio(portal: list[dict], bare: list[dict]) -> float:
    """Mean of each round's portal ÷ bare throughput (the two were measured one after the other)."""
    return statistics.mean(p["rps"] / b["rps"] for p, b in zip(portal, bare, strict=True))


def report(results: dict) -> str:
    scales = sorted(results["scales"], key=int)
    first, last = scales[0], scales[-1]
    base = results["scales"][first]
    lines = [
        f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, {results['machine']['memory_gb']} GB; "
        f"{results['machine']['os']}; Python {results['machine']['python']}, Django {results['machine']['django']}, "
        f"{results['machine']['postgresql']}, Redis {results['machine']['redis']}; "
        f"load average before {results['machine']['load'][0]:.2f}, after {results['machine']['load_after'][0]:.2f}.",
        f"wrk {results['args']['connections']} connections, {results['args']['duration']} s per run, "
        f"{results['args']['rounds']} rounds interleaved (bare, cached, uncached); gunicorn {results['args']['workers']} sync workers.",
        "",
        "| page | queries | KB | bare req/s | cached ÷ bare | uncached ÷ bare | cached p50/p99 ms | uncached p50/p99 ms "
        f"| render ms {first}× | render ms {last}× | {last}×/{first}× | first ÷ warm (worst setting) "
        "| first on an empty Redis, worst ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    by_name = {scale: {page["name"]: page for page in results["scales"][scale]["pages"]} for scale in scales}
    for page in base["pages"]:
        name = page["name"]
        load = base["load"][name]
        top = by_name[last].get(name, page)
        queries = f"{page['queries']}" + (f"→{top['queries']}" if top["queries"] != page["queries"] else "")
        cached_p = f"{statistics.median(r['p50_ms'] for r in load['cached']):.0f}/{max(r['p99_ms'] for r in load['cached']):.0f}"
        uncached_p = (f"{statistics.median(r['p50_ms'] for r in load['uncached']):.0f}/"
                      f"{max(r['p99_ms'] for r in load['uncached']):.0f}")
        growth = top["render_ms"] / page["render_ms"] if last != first else 1.0
        firsts = results["first_request"].get(name, {})
        worst = max(firsts.items(), key=lambda item: item[1]["first_ms"] / item[1]["warm_ms"]) if firsts else None
        first_text = (f"{worst[1]['first_ms'] / worst[1]['warm_ms']:.1f} ({worst[0]}, {worst[1]['first_ms']:.0f} ms)"
                      if worst else "–")
        empty_text = f"{max(r.get('empty_first_ms', 0) for r in firsts.values()):.0f}" if firsts else "–"
        lines.append(
            f"| {name} | {queries} | {page['bytes'] / 1024:.0f} | {statistics.mean(r['rps'] for r in load['bare']):.0f} "
            f"| {_ratio(load['cached'], load['bare']):.2f} | {_ratio(load['uncached'], load['bare']):.2f} "
            f"| {cached_p} | {uncached_p} | {page['render_ms']:.1f} | {top['render_ms']:.1f} | {growth:.2f} | {first_text} | {empty_text} |"
        )
    if last != first:
        lines += ["", f"At {last}×, per page (uncached ÷ bare, cached ÷ bare): " + "; ".join(
            f"{name} {_ratio(load['uncached'], load['bare']):.2f}, {_ratio(load['cached'], load['bare']):.2f}"
            for name, load in results["scales"][last]["load"].items()
        )]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the portal at ward scale beside a bare Django page.")
    parser.add_argument("--scales", default="1,10", help="data scales to measure, in order (default 1,10)")
    parser.add_argument("--scale", type=int, help="measure only this scale (e.g. --scale 10)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--no-first-request", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work folder's static files and bare project")
    parser.add_argument(
        "--seeded", action="append", default=[], metavar="SCALE=DATABASE",
        help="measure SCALE on a database of the same cluster that bench.seed grew before (e.g. 10=nerima10)",
    )
    args = parser.parse_args()
    args.seeded = {int(scale): name for scale, _sep, name in (item.partition("=") for item in args.seeded)}
    args.scales = [args.scale] if args.scale else [int(part) for part in args.scales.split(",")]
    args.pages = [name for name in args.pages.split(",") if name]
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("run through scripts/with-postgres.sh (make bench does)")
    ensure_packages(["wrk", "redis-server"])
    sys.path.insert(0, str(ROOT))
    bench = Bench(args)
    try:
        bench.run()
    finally:
        bench.close()


if __name__ == "__main__":
    main()
