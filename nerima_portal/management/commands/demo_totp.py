"""The demo staff's current two-factor code, for trying the admin without an authenticator app."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.staff_sign_in import authenticator_code


class Command(BaseCommand):
    help = "デモ用の職員アカウントの二段階認証コード（今の30秒間に使えるもの）を表示します。"

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("本番モードではデモ用のコードを表示できません。")
        from community.demo import DEMO_TOTP_SECRET

        self.stdout.write(authenticator_code(DEMO_TOTP_SECRET))
