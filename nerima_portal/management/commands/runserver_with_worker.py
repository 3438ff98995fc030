"""`make run`: the development web server and the outbox worker as one command that starts and stops both.

The worker (django-tasks-db's db_worker) is a child process of the outer runserver process, the one that
outlives code reloads; whatever ends that process (Ctrl+C, SIGTERM, the server failing to start) stops the
worker too. In production the worker runs as its own service: `python manage.py db_worker` (docs/outbox.md).
"""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV


def worker_start() -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")},
    )


def worker_stop(worker: subprocess.Popen, *, timeout: float = 10) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


class Command(BaseCommand):
    help = "開発用: Webサーバー（runserver）と送信キューのワーカー（db_worker）を一緒に起動し、一緒に止めます。"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true", help="コードの変更で自動的に再起動しません。")

    def handle(self, *, addrport: str, noreload: bool, **options) -> None:
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # The reloader's child serves only: the worker belongs to the outer process, which outlives reloads.
            call_command("runserver", addrport, use_reloader=True)
            return
        worker = worker_start()
        self.stdout.write(f"送信キューのワーカーを起動しました（プロセス {worker.pid}）。")
        try:
            call_command("runserver", addrport, use_reloader=not noreload)
        finally:
            worker_stop(worker)
