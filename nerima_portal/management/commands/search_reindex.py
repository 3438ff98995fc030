"""Rebuild the site-wide search index (after renaming a place, town or area, or after bulk imports)."""

from django.core.management.base import BaseCommand

from community.content_version import content_changed
from nerima_portal.search.index import index_refresh


class Command(BaseCommand):
    help = "サイト内検索の索引を作り直します（--stale で変更のあった行だけ）。"

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="変更のあった掲載・団体だけを作り直す")

    def handle(self, *args, stale: bool = False, **options):
        written = index_refresh(everything=not stale)
        content_changed()  # cached search pages read the old index
        self.stdout.write(f"検索用データを {written} 件更新しました。")
