from django.core.management.base import BaseCommand

from community.finder_fields import listings_refresh_all
from community.services.schedules import generate_all_sessions


class Command(BaseCommand):
    help = "定期開催の予定から、今後3か月分の開催回を作ります（毎日実行してください。重複は作りません）。"

    def handle(self, *args, **options):
        self.stdout.write(f"開催回を{generate_all_sessions()}件作りました。")
        # Once a day every stored next date is recomputed too, whatever wrote sessions without telling anyone.
        listings_refresh_all()
