from django.core.management.base import BaseCommand

from community.services.outbox import outbox_requeue_stuck


class Command(BaseCommand):
    help = "ワーカーが送信中に止まって残ったメールを、もう一度送信キューに入れます（数分おきに実行）。"

    def handle(self, *args, **options):
        count = outbox_requeue_stuck()
        self.stdout.write(f"送信キューに入れ直したメール: {count}")
