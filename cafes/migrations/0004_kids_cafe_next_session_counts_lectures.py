"""A kids' café's stored next session counts the published lectures held there (see cafes/apps.py)."""

from django.db import migrations
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone


def backfill(apps, schema_editor):
    Listing = apps.get_model("community", "Listing")
    Session = apps.get_model("community", "Session")
    mine = Q(listing=OuterRef("pk")) | Q(
        listing__childcarelecture__kids_cafe=OuterRef("pk"), listing__status="published"
    )
    upcoming = Session.objects.filter(mine, starts_at__gte=timezone.now(), is_cancelled=False)
    Listing.objects.filter(kind="cafes.kidscafe").update(
        next_session_at=Subquery(upcoming.order_by("starts_at").values("starts_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cafes", "0003_add_translations"),
        ("community", "0013_session_local_weekday_time_and_listing_next_session"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
