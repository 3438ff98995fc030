"""`make run`'s preparation in one process (Django starts once): translations, migrations, demo data."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "翻訳のコンパイル・マイグレーション・デモデータの読み込みをまとめて行います（何度実行しても同じ結果）。"

    def handle(self, *args, **options):
        call_command("compile_catalogs", verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", stdout=self.stdout)
        # Sessions that started since the last run are no longer anyone's next session.
        call_command("refresh_next_sessions", verbosity=0, stdout=self.stdout)
