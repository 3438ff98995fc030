"""The activities a care café may offer; staff can add more in the admin."""

from django.db import migrations

ACTIVITIES = [
    ("exercise", "介護予防の体操"),
    ("health", "健康相談"),
    ("tea", "お茶と交流"),
    ("brain", "脳トレ・認知症予防"),
    ("music", "うた・音楽"),
    ("craft", "手芸・ものづくり"),
    ("lecture", "ミニ講座"),
    ("shopping", "買い物支援"),
]


def load(apps, schema_editor):
    Activity = apps.get_model("cafes", "Activity")
    for order, (code, name) in enumerate(ACTIVITIES, start=1):
        Activity.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order})


def unload(apps, schema_editor):
    apps.get_model("cafes", "Activity").objects.filter(code__in=[code for code, _ in ACTIVITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("cafes", "0001_care_kids_cafes_and_lectures")]

    operations = [migrations.RunPython(load, unload)]
