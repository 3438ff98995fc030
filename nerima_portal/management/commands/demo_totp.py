"""The demo staff's current two-factor code, for trying the admin without an authenticator app."""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "デモ用の職員アカウントの二段階認証コード（今の30秒間に使えるもの）を表示します。"

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("本番モードではデモ用のコードを表示できません。")
        from community.demo import DEMO_TOTP_SECRET

        counter = next(iter(yield_hotp_counters_from_time()))
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
