from django.core.management.base import BaseCommand

from community.services.notices import digests_send


class Command(BaseCommand):
    help = "「1日1回まとめて」を選んだ団体メンバーに、たまったお知らせを1通のメールにして送信キューに入れます（毎日1回）。"

    def handle(self, *args, **options):
        self.stdout.write(f"まとめのメールを{digests_send()}通、送信キューに入れました。")
