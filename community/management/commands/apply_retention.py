"""Apply every record type's retention period (see community.personal_data.RETENTION_DEFAULTS); run daily."""

from django.core.management.base import BaseCommand
from django.utils import translation

from community.personal_data import personal_data_apply_retention


class Command(BaseCommand):
    help = "保存期間を過ぎた個人データを匿名化・削除します（毎日実行しても安全です。2回目以降は0件になります）。"

    def handle(self, *args, **options):
        with translation.override("ja"):
            counts = personal_data_apply_retention()
            for label, count in counts.items():
                self.stdout.write(f"{label}: {count}件")
