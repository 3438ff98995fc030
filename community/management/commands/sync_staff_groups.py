from django.core.management.base import BaseCommand

from community.roles import sync_staff_groups


class Command(BaseCommand):
    help = "職員のグループ（区職員・社協コーディネーター・審査員・相談対応チーム）の権限を、役割の表どおりに作成・更新します。"

    def handle(self, *args, **options):
        for name, group in sync_staff_groups().items():
            self.stdout.write(f"{name}: {group.permissions.count()}")
