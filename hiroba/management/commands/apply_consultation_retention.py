"""Anonymize or delete consultation requests whose retention period has passed (run daily; idempotent)."""

from django.core.management.base import BaseCommand

from hiroba.services.consultations import consultations_apply_retention


class Command(BaseCommand):
    help = "保存期間（既定: 終了後3年）を過ぎた相談受付を匿名化または削除します。毎日実行しても安全です。"

    def handle(self, *args, **options):
        result = consultations_apply_retention()
        verb = "削除" if result["action"] == "delete" else "匿名化"
        self.stdout.write(f"{result['count']}件の相談受付を{verb}しました。")
