"""Fill the portal with realistic Nerima demo content; running it again changes nothing."""

import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from community.roles import COORDINATOR, WARD_STAFF, sync_staff_groups

# Order matters: the kernel first, then the initiative apps that list things through it.
DEMO_MODULES = ["community", "volunteers", "cafes", "hiroba", "projects", "international"]


class Command(BaseCommand):
    help = "デモデータを読み込みます（何度実行しても同じ結果になります）。"

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("本番モードではデモデータを読み込めません。")
        from community.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_second_factor, demo_user
        from community.finder_fields import refresh_deferred
        from community.models import User
        from nerima_portal.search.index import writes_deferred

        # Demo residents are fictional: the mails their demo sign-ups would trigger are dropped, not printed. The
        # listings' next sessions and search rows are written once each at the end, not at every save (half the
        # loader's time went to them).
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
            refresh_deferred(),
            writes_deferred(),
        ):
            groups = sync_staff_groups()
            staff = demo_user("staff@demo.nerima.example.jp", "区職員 デモ", is_staff=True)
            staff.groups.add(groups[WARD_STAFF])
            coordinator = demo_user("coordinator@demo.nerima.example.jp", "社協 コーディネーター", is_staff=True)
            coordinator.groups.add(groups[COORDINATOR])
            for app in DEMO_MODULES:
                # An app without demo content is skipped; an import error inside a demo module is not hidden.
                if importlib.util.find_spec(f"{app}.demo") is None:
                    continue
                importlib.import_module(f"{app}.demo").load()
            for user in User.objects.filter(is_staff=True, email__endswith="@demo.nerima.example.jp"):
                demo_second_factor(user)
        self.stdout.write(
            self.style.SUCCESS("デモデータを読み込みました。")
            + "\n  区職員（管理画面 /admin/）: staff@demo.nerima.example.jp"
            + "\n  社協コーディネーター: coordinator@demo.nerima.example.jp"
            + "\n  審査員（地域おこしプロジェクト）: reviewer@demo.nerima.example.jp"
            + "\n  団体メンバー（NPO法人）: npo@demo.nerima.example.jp"
            + "\n  団体メンバー（町会・ケアカフェ・こどもカフェ）: chokai@ / houkatsu@ / childcare@demo.nerima.example.jp"
            + "\n  住民: resident@demo.nerima.example.jp"
            + f"\n  パスワード（デモ用・共通）: {DEMO_PASSWORD}"
            + "\n  職員は二段階認証も必要です。認証アプリに次のキーを登録するか（デモ用・職員共通）"
            + f"\n    {DEMO_TOTP_SECRET}"
            + "\n  今のコードを表示: .venv/bin/python manage.py demo_totp"
        )
