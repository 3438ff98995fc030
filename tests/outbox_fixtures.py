"""The outbox for real: the database queue, the real worker command, and a real SMTP server on 127.0.0.1.

`outbox_queue` switches the tests that ask for it from the immediate task backend (tests/conftest.py) to
django-tasks-db, so a mail is a row until `outbox_queue.work()` runs `manage.py db_worker --batch`.
`smtp_server` is an aiosmtpd server that refuses the first `smtp_server.refuse` attempts to each address with 451.
"""

import signal
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


@dataclass
class FlakySMTPHandler:
    refuse: int = 0
    port: int = 0
    attempts: int = 0
    by_address: dict = field(default_factory=dict)
    delivered: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        address = ",".join(envelope.rcpt_tos)
        self.by_address[address] = self.by_address.get(address, 0) + 1
        if self.by_address[address] <= self.refuse:
            return "451 4.3.0 Temporary failure, try again later"
        self.delivered.append(envelope)
        return "250 2.0.0 OK"

    def attempts_to(self, address: str) -> int:
        return self.by_address.get(address, 0)

    def messages_to(self, address: str) -> list:
        return [envelope for envelope in self.delivered if address in envelope.rcpt_tos]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = FlakySMTPHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    handler.port = controller.port
    yield handler
    controller.stop()


class Queue:
    def work(self) -> None:
        """Run the real worker until no task is ready (retries with a zero delay run in the same pass)."""
        saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        try:
            call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
        finally:
            # The worker installs its own shutdown handlers; the test run keeps pytest's.
            for sig, handler in saved.items():
                signal.signal(sig, handler)


@pytest.fixture
def outbox_queue(transactional_db, settings):
    # Transactional: the worker checks its database connection between tasks and would close the one that
    # holds a test's enclosing transaction; here every service commits for real, as in production.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.OUTBOX_RETRY_DELAYS = [0, 0]
    return Queue()
