"""The whole demo (`manage.py load_demo`) loaded once per test process and copied into each test that needs it.

Loading the demo runs every app's demo code (several seconds of CPU); copying its rows back with PostgreSQL's
COPY takes a fraction of that. `take()` loads the demo into the test database, keeps every Django table's rows
(and the files the demo saved) in memory, then puts the database back exactly as it was. `restore()` empties the
tables and copies the demo rows in, inside the caller's transaction: a normal test rolls it back at its end, a
transactional (browser) test commits it and its teardown puts the migrations' rows back (tests/table_rows.py).

Under xdist the first worker that needs the demo loads it and writes its rows next to its files (`shared()`); the
other worker reads them (a second load gave the same rows and cost it 11 s). Both databases are migrated by the
same code, so the rows fit either, and they replace every table, content types and permissions included.
"""

import datetime as dt
import fcntl
import io
import pickle
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

from tests.table_rows import dump, load


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, bytes]  # table name → its rows in COPY's text format
    media_root: Path  # the files the demo saved (photos, PDFs)
    # When load_demo ran: what it derived from the clock (each listing's next session) is right as of then, and a
    # test that recomputes it minutes later compares at that moment, not at its own.
    loaded_between: tuple[dt.datetime, dt.datetime]


def take(media_root: Path) -> Snapshot:
    """Load the demo into the (otherwise untouched) test database, keep its rows, and put the database back."""
    base = dump()
    try:
        # The same settings a test runs with: fast password hashing, mails kept in memory, files in media_root.
        with override_settings(
            MEDIA_ROOT=media_root,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ):
            started = timezone.now()
            call_command("load_demo", stdout=io.StringIO())
            ended = timezone.now()
        return Snapshot(tables=dump(), media_root=media_root, loaded_between=(started, ended))
    finally:
        load(base, analyze=False)


def restore(snapshot: Snapshot) -> None:
    load(snapshot.tables, analyze=True)


def shared(directory: Path) -> Snapshot:
    """The demo taken once for every test process that shares `directory` (one run's xdist workers): the first to
    ask loads it (the others wait on the lock), then each reads the rows it wrote."""
    directory.mkdir(parents=True, exist_ok=True)
    saved = directory / "tables.pickle"
    with open(directory / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if saved.exists():
            tables, loaded_between = pickle.loads(saved.read_bytes())  # noqa: S301 (written by this run's worker)
            return Snapshot(tables=tables, media_root=directory / "media", loaded_between=loaded_between)
        snapshot = take(directory / "media")
        partial = saved.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((snapshot.tables, snapshot.loaded_between)))
        partial.replace(saved)
        return snapshot
