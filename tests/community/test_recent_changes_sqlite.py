"""最近の変更 on SQLite, the database `make run` uses: the page's one UNION query over every history table runs there.

SQLite refuses ORDER BY inside the parts of a compound SELECT, and the page used to build its query that way (a 500
in development only). Here organization members make changes on PostgreSQL, the history rows are copied into an
in-memory SQLite database with the same tables, and the very query the page runs gives the same rows on both.
"""

import pytest
from django.db.models.sql import InsertQuery
from django.db.utils import ConnectionHandler

from community.changes import change_rows, tracked_models
from community.models import User
from tests.conftest import make_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def sqlite():
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
    connection = handler["default"]
    yield connection
    connection.close()


def copy_rows(model, connection) -> None:
    """Every row of `model` from the test database into the same table on `connection`."""
    rows = list(model._base_manager.all())
    if not rows:
        return
    query = InsertQuery(model)
    query.insert_values(model._meta.local_concrete_fields, rows)
    with connection.cursor() as cursor:
        for sql, params in query.get_compiler(connection=connection).as_sql():
            cursor.execute(sql, params)


def test_the_union_of_every_history_table_gives_the_same_rows_on_sqlite(sqlite, org_member, organization, place):
    organization.description = "会員が書きかえた紹介"
    organization._history_user = org_member
    organization.save()
    place.name = "会員が書きかえた会場"
    place._history_user = org_member
    place.save()
    listing = make_listing(organization)
    listing.title = "会員が書きかえた催し"
    listing._history_user = org_member
    listing.save()

    models = tracked_models()
    histories = [model.history.model for model in models.values()]
    with sqlite.schema_editor() as editor:
        editor.create_model(User)
        for history in histories:
            editor.create_model(history)
    sqlite.disable_constraint_checking()  # only these tables exist there: a user's 町丁目 and the like do not
    copy_rows(User, sqlite)
    for history in histories:
        copy_rows(history, sqlite)

    expected = list(change_rows(models))
    assert len(expected) >= 3  # the three changes above, from three different history tables
    sql, params = change_rows(models).query.get_compiler(connection=sqlite).as_sql()
    with sqlite.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    assert [(history_id, source) for history_id, _date, source in rows] == [
        (history_id, source) for history_id, _date, source in expected
    ]
