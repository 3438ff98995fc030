from django.core.management.base import BaseCommand

from community.services.sessions import send_due_reminders


class Command(BaseCommand):
    help = "翌日の開催回の申込者へのリマインダーを送信キューに入れます（数分おきに実行しても二重に送りません）。"

    def handle(self, *args, **options):
        self.stdout.write(f"リマインダーを{send_due_reminders()}件、送信キューに入れました。")
