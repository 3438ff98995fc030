from django.core.management.base import BaseCommand

from community.roles import sync_staff_groups


class Command(BaseCommand):
    help = "区職員・社協コーディネーターのグループと権限を作成・更新します。"

    def handle(self, *args, **options):
        for name, group in sync_staff_groups().items():
            self.stdout.write(f"{name}: {group.permissions.count()}")
