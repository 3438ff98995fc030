"""Sessions store their Asia/Tokyo weekday, start time and venue; listings store the start of their next session.

Added nullable and backfilled here; 0014 makes the session fields required and adds the finders' indexes (a
separate migration, so PostgreSQL is not asked to alter a table with this one's updates still pending).
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractIsoWeekDay, TruncTime
from django.utils import timezone


def backfill(apps, schema_editor):
    Session = apps.get_model("community", "Session")
    Listing = apps.get_model("community", "Listing")
    tokyo = ZoneInfo(settings.TIME_ZONE)
    # ISO weekday is 1 for Monday; the stored weekday follows Weekday (0 = 月).
    Session.objects.update(
        local_weekday=ExtractIsoWeekDay("starts_at", tzinfo=tokyo) - 1,
        local_time=TruncTime("starts_at", tzinfo=tokyo),
        venue_place_id=Coalesce(F("place_id"), Subquery(Listing.objects.filter(pk=OuterRef("listing_id")).values("place_id")[:1])),
    )
    upcoming = Session.objects.filter(listing=OuterRef("pk"), starts_at__gte=timezone.now(), is_cancelled=False)
    Listing.objects.update(next_session_at=Subquery(upcoming.order_by("starts_at").values("starts_at")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0012_organization_add_pending_identity"),
    ]

    operations = [
        migrations.AddField(
            model_name="listing",
            name="next_session_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="次の開催日時"),
        ),
        migrations.AddField(
            model_name="session",
            name="local_time",
            field=models.TimeField(editable=False, null=True, verbose_name="開始時刻（東京時間）"),
        ),
        migrations.AddField(
            model_name="session",
            name="local_weekday",
            field=models.PositiveSmallIntegerField(
                choices=[(0, "月曜"), (1, "火曜"), (2, "水曜"), (3, "木曜"), (4, "金曜"), (5, "土曜"), (6, "日曜")],
                editable=False, null=True, verbose_name="曜日（東京時間）",
            ),
        ),
        migrations.AddField(
            model_name="session",
            name="venue_place",
            field=models.ForeignKey(
                blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to="community.place", verbose_name="会場",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
