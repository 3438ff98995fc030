"""Every Django table's rows, kept in memory and put back with PostgreSQL's COPY.

Two sets are kept per test process: the rows the migrations leave (areas, towns, 丁目, area desks, the cafés'
activities, content types, permissions, search synonyms), taken right after the test database is created, and
the demo's (tests/demo_snapshot.py). After a transactional test (every browser test) the database goes back to
the migrations' rows instead of Django's flush: TRUNCATE of 115 tables, post_migrate's content types and
permissions, and then the geography loaded again took about 1.5 s a test; DELETE and COPY take a tenth of it.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def dump() -> dict[str, bytes]:
    """table name → its rows in COPY's text format."""
    rows = {}
    with connection.cursor() as cursor:
        for table in _tables():
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return rows


def load(rows: dict[str, bytes], *, analyze: bool) -> None:
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
        # The planner's statistics of refilled large tables: without them it guessed the demo's tables nearly
        # empty and the sitemap's pages took ten times as long (nested loops over whole tables).
        filled = [connection.ops.quote_name(table) for table, data in rows.items() if data]
        if analyze and filled:
            cursor.execute(f"ANALYZE {', '.join(filled)}")
    # Both caches hold primary keys, which may differ from one copy of the rows to the other.
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()


_migrated: dict[str, bytes] = {}


def remember_migrated() -> None:
    """Keep the rows of the freshly migrated test database (once per test process)."""
    _migrated.update(dump())


def put_back_migrated() -> None:
    """The database as the migrations left it: what a transactional test ends with."""
    assert _migrated, "remember_migrated() runs when the test database is created (tests/conftest.py)"
    load(_migrated, analyze=False)
