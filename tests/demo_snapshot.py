"""The whole demo (`manage.py load_demo`) loaded once per test process and copied into each test that needs it.

Loading the demo runs every app's demo code (several seconds of CPU); copying its rows back with PostgreSQL's
COPY takes a fraction of that. `take()` loads the demo into the test database, keeps every Django table's rows
(and the files the demo saved) in memory, then puts the database back exactly as it was. `restore()` empties the
tables and copies the demo rows in, inside the caller's transaction: a normal test rolls it back at its end, a
transactional (browser) test commits it and Django flushes it afterwards, as for any other data.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, bytes]  # table name → its rows in COPY's text format
    media_root: Path  # the files the demo saved (photos, PDFs)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _dump() -> dict[str, bytes]:
    rows = {}
    with connection.cursor() as cursor:
        for table in _tables():
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return rows


def _load(rows: dict[str, bytes]) -> None:
    """Replace the rows of every Django table with `rows` (foreign keys are checked at commit, as Django's are)."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    with transaction.atomic(), connection.cursor() as cursor:
        # Django's foreign keys are checked at commit, so the tables can be emptied and filled in any order.
        # DELETE, not TRUNCATE: on a hundred nearly empty tables it is several times faster.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("; ".join(f"DELETE FROM {connection.ops.quote_name(table)}" for table in _tables()))  # noqa: S608
        for table, data in rows.items():
            if data:
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
                    copy.write(data)
        models = apps.get_models(include_auto_created=True)
        cursor.execute("; ".join(connection.ops.sequence_reset_sql(no_style(), models)))
        # The planner's statistics of the refilled tables: without them it guessed the demo's tables nearly empty
        # and the sitemap's pages took ten times as long (nested loops over whole tables).
        filled = [connection.ops.quote_name(table) for table, data in rows.items() if data]
        if filled:
            cursor.execute(f"ANALYZE {', '.join(filled)}")
    # Both caches hold primary keys, which differ from one copy of the rows to the other.
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()


def take(media_root: Path) -> Snapshot:
    """Load the demo into the (otherwise untouched) test database, keep its rows, and put the database back."""
    from tests.conftest import restore_migration_rows

    base = _dump()
    try:
        restore_migration_rows()  # a browser test before this one may have flushed the tables
        # The same settings a test runs with: fast password hashing, mails kept in memory, files in media_root.
        with override_settings(
            MEDIA_ROOT=media_root,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ):
            call_command("load_demo", stdout=io.StringIO())
        return Snapshot(tables=_dump(), media_root=media_root)
    finally:
        _load(base)


def restore(snapshot: Snapshot) -> None:
    _load(snapshot.tables)
