"""Move each listing's stored next session on once it has started (cron, every few minutes)."""

from django.core.management.base import BaseCommand

from community.finder_fields import listings_refresh_all, listings_refresh_passed


class Command(BaseCommand):
    help = "開始した開催回の次の回を、一覧の並べ替え用に記録し直します（数分おきに実行。--all ですべての掲載）。"

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="すべての掲載を記録し直す（データの取り込みや復元の後）")

    def handle(self, *args, all: bool = False, **options):
        updated = listings_refresh_all() if all else listings_refresh_passed()
        self.stdout.write(f"次の開催日時を{updated}件記録し直しました。")
