"""`make run` (manage.py runserver_with_worker): the dev server and the outbox worker start and stop together.

Run as real processes against the test database: the worker must deliver a queued mail to a real SMTP
server, and Ctrl+C (SIGINT to the process group) or SIGTERM to the server alone must leave no process behind.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from django.conf import settings
from django.db import connection

from community.models import OutboxMessage
from community.services.outbox import mail_queue


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(check, timeout: float = 40.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {check.__doc__}")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


# Guards against a process that never stops, not a speed test (a stop takes 1–3 s on a busy machine); when it
# fails, it shows what the processes printed and which are left.
STOP_GUARD = 30


def _as_from_a_terminal() -> None:
    """Ctrl+C and Ctrl+\\ as a terminal delivers them: a command started in the background of a non-interactive
    shell (`make test &` in a script) inherits SIGINT and SIGQUIT ignored, and so would the server under test."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def _start(port: int, smtp_port: int) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "DJANGO_SETTINGS_MODULE": "nerima_portal.settings",
    }
    log = tempfile.TemporaryFile()  # the server's and worker's output, shown when a stop fails
    server = subprocess.Popen(  # noqa: S603 (a fixed command line: this interpreter and manage.py)
        [sys.executable, "manage.py", "runserver_with_worker", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
        preexec_fn=_as_from_a_terminal,  # noqa: PLW1509 (two signal calls, no lock taken)
    )
    server.log = log
    return server


def _stopped(server: subprocess.Popen, signalled_at: float) -> None:
    """Wait for the server and every process of its group to end; fail with their output if they do not."""
    try:
        server.wait(timeout=STOP_GUARD)
        _wait_for(lambda: not _group_alive(server.pid), timeout=STOP_GUARD)
    except (subprocess.TimeoutExpired, AssertionError):
        server.log.seek(0)
        output = server.log.read().decode(errors="replace")[-4000:]
        alive = subprocess.run(["ps", "-o", "pid,stat,etime,args", "-g", str(server.pid)], capture_output=True, text=True).stdout  # noqa: S603, S607
        raise AssertionError(
            f"still running {time.monotonic() - signalled_at:.0f} s after the signal:\n{alive}\n{output}"
        ) from None


def _serving(port: int):
    def check():
        """the dev server to answer"""
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).status == 200  # noqa: S310
        except OSError:
            return False

    return check


def test_ctrl_c_stops_the_server_and_the_worker_that_sent_the_queued_mail(smtp_server, outbox_queue):
    assert connection.vendor == "postgresql", "the server process reads the test database"
    message = mail_queue(to="resident@example.jp", subject="テスト", body="本文", kind="test")
    port = _free_port()
    server = _start(port, smtp_server.port)
    try:
        _wait_for(_serving(port))

        def delivered():
            """the worker to deliver the queued mail"""
            return len(smtp_server.delivered) == 1

        _wait_for(delivered)
        message.refresh_from_db()
        assert message.status == OutboxMessage.Status.SENT

        os.killpg(server.pid, signal.SIGINT)  # what Ctrl+C in the terminal does
        _stopped(server, time.monotonic())
    finally:
        if _group_alive(server.pid):
            os.killpg(server.pid, signal.SIGKILL)


def test_stopping_the_server_process_stops_the_worker_too(smtp_server, outbox_queue):
    port = _free_port()
    server = _start(port, smtp_server.port)
    try:
        _wait_for(_serving(port))
        server.terminate()  # SIGTERM to the outer process only
        _stopped(server, time.monotonic())
    finally:
        if _group_alive(server.pid):
            os.killpg(server.pid, signal.SIGKILL)
