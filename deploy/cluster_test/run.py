"""make cluster-test: the portal as a ward runs it, on this one machine, with faults during the load.

PostgreSQL, Redis, two gunicorn app servers, the task worker (once the outbox is installed) and nginx
(deploy/nginx, over TLS) start on loopback. A backup is taken, then residents sign up and cancel and
visitors send consultation requests through nginx while one app server is killed, Redis is restarted
and PostgreSQL is restarted. It prints what it did and then checks that nothing acknowledged was lost,
no session was overbooked, every mail went out once, the limits held across both app servers, private
files are only reachable through the portal, and the backup restores to the same rows.
"""

import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from deploy.cluster_test import checks, load, services  # noqa: E402

DURATION = float(os.environ.get("CLUSTER_TEST_SECONDS", "45"))
BUDGET = 6000  # requests at most, whatever the duration
RESIDENTS, SESSIONS, CAPACITY = 24, 6, 3
VISITOR_ADDRESSES, VISITOR_TRIES = 8, 8
LIMIT, LIMIT_PERIOD = 5, 3600  # hiroba's default limit: 5 requests an hour per address (hiroba/views/requests.py)


def log(message: str) -> None:
    print(f"[cluster-test {time.strftime('%H:%M:%S')}] {message}", flush=True)


def portal_env(tmp: Path, pg, redis_port: int, https_port: int, smtp_port: int) -> dict:
    return {
        **os.environ, "PRODUCTION": "true", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{https_port}", "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{https_port}",
        "DATABASE_URL": pg.url, "CACHE_URL": f"redis://127.0.0.1:{redis_port}/0", "TRUSTED_PROXIES": "127.0.0.1",
        "STATIC_ROOT": str(tmp / "static"), "MEDIA_ROOT": str(tmp / "media"), "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "PRIVATE_MEDIA_X_ACCEL_PREFIX": "/_private/", "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE":
        "nerima_portal.settings", "OUTBOX_RETRY_DELAYS": "2,5,10",  # retries within the test's minute
        # A mail whose worker was killed mid-send is queued again by outbox_requeue (a timer in production).
        "OUTBOX_STUCK_AFTER": "10",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,  # noqa: S603
                   stdout=subprocess.DEVNULL)


def faults(app_a, redis, pg, started: float, events: list) -> None:
    """Kill one app server (the supervisor brings it back), restart Redis, restart PostgreSQL: during the load."""
    plan = [(0.22, "kill app server A (SIGKILL to its whole process group)", lambda: app_a.kill()),
            (0.50, "Redis restarted (SIGTERM, start)", lambda: (redis.stop(), redis.start())),
            (0.70, "PostgreSQL restarted (pg_ctl restart -m fast)", pg.restart)]
    for at, what, action in plan:
        time.sleep(max(0.0, started + at * DURATION - time.monotonic()))
        began = time.monotonic()
        action()
        events.append(f"t={began - started:5.1f}s {what} ({time.monotonic() - began:.1f}s)")


def through_nginx(port: int, seeded: dict) -> list[str]:
    """Private files only through the portal's check and X-Accel; public images straight from nginx."""
    problems = []
    staff = load.Browser(port, "127.0.0.1", {"sessionid": seeded["staff_cookie"]})
    status, headers, _ = staff.request("GET", seeded["private_url"])
    if status != 200 or headers.get("content-type") != "application/pdf" or \
            not headers.get("content-disposition", "").startswith("attachment"):
        problems.append(f"staff download of a private file: {status} {headers.get('content-type')}")
    member = load.Browser(port, "127.0.0.2", {"sessionid": seeded["member_cookie"]})
    for who, browser in (("an organization member", member), ("a visitor", load.Browser(port, "127.0.0.3", {}))):
        status, _, _ = browser.request("GET", seeded["private_url"])
        if status != 404:
            problems.append(f"{who} got {status} for a staff-only file")
    status, _, _ = load.Browser(port, "127.0.0.3", {}).request("GET", "/_private/hiroba/subsidy_reports/x.pdf")
    if status != 404:
        problems.append(f"nginx's internal location answered {status} to a visitor")
    status, headers, _ = load.Browser(port, "127.0.0.3", {}).request("GET", seeded["logo_url"])
    if status != 200 or headers.get("content-type") != "image/png":
        problems.append(f"public image through nginx: {status} {headers.get('content-type')}")
    status, headers, _ = load.Browser(port, "127.0.0.3", {}).request("GET", "/")
    if status != 200 or "script-src 'self'" not in headers.get("content-security-policy", ""):
        problems.append(f"home page through nginx: {status}, CSP {headers.get('content-security-policy')!r}")
    return problems


def main() -> int:  # noqa: PLR0915 - one story, told in order
    tmp = Path(tempfile.mkdtemp(prefix="nerima-cluster-"))
    os.chmod(tmp, 0o755)
    pg = services.Postgres(tmp)
    redis = services.redis(tmp)
    sink = services.SmtpSink()
    https_port, http_port = services.free_port(), services.free_port()
    running, failed = [], 1
    try:
        pg.start()
        pg.create_database("nerima")
        redis.start()
        running.append(redis)
        env = portal_env(tmp, pg, redis.port, https_port, sink.port)
        os.environ.update(env)
        import django

        django.setup()
        from django.apps import apps
        from django.db import connections

        # The outbox (mails as rows, sent by the task worker) makes "every mail exactly once" checkable.
        outbox = next((model for model in apps.get_models() if model._meta.label == "community.OutboxMessage"), None)
        with_outbox = outbox is not None and apps.is_installed("django_tasks_db")
        log("migrate, collectstatic, staff groups")
        manage(env, "compile_catalogs", "-v", "0")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        manage(env, "sync_staff_groups")
        from deploy.cluster_test.seed import seed

        seeded = seed(residents=RESIDENTS, sessions=SESSIONS, capacity=CAPACITY)
        connections.close_all()

        app_a, app_b = services.app_server("app-a", env, tmp), services.app_server("app-b", env, tmp)
        cert, key = services.self_signed_certificate(tmp)
        nginx = services.nginx(tmp, {
            "SERVER_NAME": "127.0.0.1", "HTTP_LISTEN": f"127.0.0.1:{http_port}", "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "TLS_CERTIFICATE": str(cert), "TLS_CERTIFICATE_KEY": str(key), "STATIC_ROOT": env["STATIC_ROOT"],
            "MEDIA_ROOT": env["MEDIA_ROOT"], "PRIVATE_MEDIA_ROOT": env["PRIVATE_MEDIA_ROOT"],
            "APP_SERVERS": f"127.0.0.1:{app_a.port},127.0.0.1:{app_b.port}"})
        worker = services.Process("worker", [sys.executable, "manage.py", "db_worker", "--no-reload"], env, tmp / "worker.log")
        for process in (app_a, app_b, nginx, *([worker] if with_outbox else [])):
            process.start()
            running.append(process)
        for app in (app_a, app_b):
            services.wait_for_answer(app.port, app.name)
        log(f"up: PostgreSQL :{pg.port}, Redis :{redis.port}, app servers :{app_a.port} :{app_b.port}, "
            f"nginx https :{https_port}, SMTP :{sink.port}, worker: {'db_worker' if with_outbox else 'none (no outbox yet)'}")

        backup_env = {**env, "BACKUP_DIR": str(tmp / "backups")}
        backup = subprocess.run([str(ROOT / "deploy" / "backup.sh")], env=backup_env, check=True, capture_output=True,
                                text=True).stdout.strip().splitlines()[-1]
        at_backup = (checks.table_snapshot(pg.url), checks.tree_snapshot(tmp / "media"), checks.tree_snapshot(tmp / "private"))
        log(f"backup taken: {backup}")

        record, events = load.Record(), []
        started = time.monotonic()
        supervisor = services.Supervisor([app_a, app_b, *([worker] if with_outbox else [])], events, started)
        supervisor.start()
        deadline = started + DURATION
        threads = [threading.Thread(target=load.resident, args=(
            https_port, f"127.0.1.{n + 1}", person, seeded["sessions"], record, deadline, BUDGET, random.Random(n)))
            for n, person in enumerate(seeded["residents"])]
        threads += [threading.Thread(target=load.visitor, args=(
            https_port, f"127.0.2.{n + 1}", VISITOR_TRIES, record, deadline, random.Random(100 + n)))
            for n in range(VISITOR_ADDRESSES)]
        threads.append(threading.Thread(target=faults, args=(app_a, redis, pg, started, events)))
        log(f"load for {DURATION:.0f}s: {RESIDENTS} residents on {SESSIONS} sessions of {CAPACITY} seats, "
            f"{VISITOR_ADDRESSES} visitors sending {VISITOR_TRIES} consultation requests each")
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if with_outbox:
            drain_until, next_sweep = time.monotonic() + 60, 0.0
            while outbox.objects.unsent().exists() and time.monotonic() < drain_until:
                if time.monotonic() >= next_sweep:  # what the outbox_requeue timer does every few minutes
                    subprocess.run([sys.executable, "manage.py", "outbox_requeue"], cwd=ROOT, env=env,  # noqa: S603
                                   stdout=subprocess.DEVNULL, check=False)
                    next_sweep = time.monotonic() + 5
                time.sleep(0.5)
        else:
            time.sleep(1)  # mails went out inside the requests; let the last SMTP sessions end
        supervisor.stopping.set()
        supervisor.join()
        for event in sorted(events):
            log(event)
        log(f"requests made: {record.requests}; errors seen: {sum(record.errors.values())} {dict(record.errors)}")
        log(f"acknowledged: {len(record.signups)} sign-ups, {len(record.cancels)} cancellations, "
            f"{len(record.consultations)} consultation requests; 429 answers: {sum(record.limited.values())}")

        connections.close_all()

        problems = {
            "no acknowledged sign-up or cancellation lost": checks.signups_kept(record),
            "no session overbooked, nobody left waiting for a free seat": checks.no_overbooking(seeded["sessions"]),
            "every acknowledged consultation request stored": checks.consultations_kept(record),
            f"limit of {LIMIT} requests per address held across both app servers": checks.limits_held(record, LIMIT, LIMIT_PERIOD),
        }
        mail_problems, mail_summary = checks.mails_once(sink.messages, with_outbox)
        problems["every mail sent once" if with_outbox else "no mail sent twice (exactly once needs the outbox)"] = \
            mail_problems
        problems["private files only through the portal, public images from nginx"] = through_nginx(https_port, seeded)

        restored_url = pg.create_database("restored")
        restore_env = {**env, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(tmp / "restored" / "media"),
                       "PRIVATE_MEDIA_ROOT": str(tmp / "restored" / "private")}
        subprocess.run([str(ROOT / "deploy" / "restore.sh"), backup], env=restore_env, check=True, capture_output=True)
        restored = (checks.table_snapshot(restored_url), checks.tree_snapshot(tmp / "restored" / "media"),
                    checks.tree_snapshot(tmp / "restored" / "private"))
        differing = [table for table in at_backup[0] if at_backup[0][table] != restored[0].get(table)]
        problems["the backup restores to the same rows and files"] = (
            [f"tables differ: {differing[:5]}"] if differing else []) + (
            ["files differ"] if at_backup[1:] != restored[1:] else [])
        log(f"mail: {mail_summary}; restore compared {len(at_backup[0])} tables, "
            f"{sum(count for count, _ in at_backup[0].values())} rows")

        failed = 0
        for check, found in problems.items():
            print(f"  {'ok  ' if not found else 'FAIL'} {check}")
            for problem in found:
                print(f"       {problem}")
            failed += bool(found)
        print(f"cluster-test: {len(problems) - failed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        for process in reversed(running):
            process.stop()
        pg.stop()
        sink.shutdown()
        if failed:
            log(f"logs kept in {tmp} (app-a.log, app-b.log, nginx/, pg/server.log)")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
