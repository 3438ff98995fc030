from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from community.roles_doc import render

DOC = Path(settings.BASE_DIR) / "docs" / "roles.md"


class Command(BaseCommand):
    help = "役割と権限の一覧（docs/roles.md）を、役割の表（community/roles.py と各アプリの roles.py）から作り直します。"

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="書き換えず、古くなっていたら失敗します。")

    def handle(self, *args, check=False, **options):
        text = render()
        if check:
            if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
                raise SystemExit("docs/roles.md is stale: run `python manage.py roles_doc`")
            return
        DOC.write_text(text, encoding="utf-8")
        self.stdout.write(f"{DOC.relative_to(settings.BASE_DIR)} を書き出しました。")
