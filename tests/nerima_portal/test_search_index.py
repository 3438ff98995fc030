"""The trigram index: PostgreSQL answers `text LIKE '%…%'` from it; SQLite, which has no pg_trgm, gets none."""

import pytest
from django.db import connection

from nerima_portal.models import ListingSearchText, OrganizationSearchText

pytestmark = pytest.mark.django_db
INDEXES = {ListingSearchText: "nerima_portal_listing_text_trgm", OrganizationSearchText: "nerima_portal_org_text_trgm"}


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # The tables are tiny in a test: forbid the sequential scan so the plan shows what the index can do.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("model", INDEXES, ids=lambda model: model.__name__)
def test_a_contains_search_of_the_index_text_uses_the_trigram_index_on_postgresql(model):
    index = INDEXES[model]
    if connection.vendor == "postgresql":
        assert index in _plan(model.objects.filter(text__contains="けあかふぇ"))
    else:
        with connection.cursor() as cursor:
            assert index not in connection.introspection.get_constraints(cursor, model._meta.db_table)
