"""The site-wide search index, with trigram indexes on PostgreSQL so that `text LIKE '%…%'` need not scan.

The text is folded before it is stored and the query is folded the same way, so a plain `LIKE` (Django's
`contains`) is enough and the index is on the column itself (an `UPPER(...)` index is only needed for
`icontains`). SQLite has no pg_trgm: there the operation does nothing and the search scans, which is fine
for a quick-start database. Rows are filled by the search itself (stale rows are rebuilt when read) and
by `manage.py search_reindex`.
"""

import django.db.models.deletion
from django.db import migrations, models

TRIGRAM_INDEXES = {
    "nerima_portal_listing_text_trgm": "nerima_portal_listingsearchtext",
    "nerima_portal_org_text_trgm": "nerima_portal_organizationsearchtext",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in TRIGRAM_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (text gin_trgm_ops)")


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_invitations_recent_changes_hiragana_readings"),
        ("nerima_portal", "0001_site_name_and_domain"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingSearchText",
            fields=[
                (
                    "listing",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_text",
                        serialize=False,
                        to="community.listing",
                        verbose_name="掲載",
                    ),
                ),
                ("title_text", models.TextField(verbose_name="名称とよみがな（検索用）")),
                ("text", models.TextField(verbose_name="検索用の文字列")),
                ("listing_updated_at", models.DateTimeField(verbose_name="元にした掲載の更新日時")),
                ("organization_updated_at", models.DateTimeField(verbose_name="元にした団体の更新日時")),
            ],
            options={
                "verbose_name": "掲載の検索用データ",
                "verbose_name_plural": "掲載の検索用データ",
            },
        ),
        migrations.CreateModel(
            name="OrganizationSearchText",
            fields=[
                (
                    "organization",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_text",
                        serialize=False,
                        to="community.organization",
                        verbose_name="団体",
                    ),
                ),
                ("title_text", models.TextField(verbose_name="団体名とよみがな（検索用）")),
                ("text", models.TextField(verbose_name="検索用の文字列")),
                ("organization_updated_at", models.DateTimeField(verbose_name="元にした団体の更新日時")),
            ],
            options={
                "verbose_name": "団体の検索用データ",
                "verbose_name_plural": "団体の検索用データ",
            },
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
