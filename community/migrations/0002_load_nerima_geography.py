from django.db import migrations


def load(apps, schema_editor):
    from community.geography import load_geography

    load_geography(apps.get_model("community", "Area"), apps.get_model("community", "Town"), apps.get_model("community", "Chome"))


def unload(apps, schema_editor):
    apps.get_model("community", "Chome").objects.all().delete()
    apps.get_model("community", "Town").objects.all().delete()
    apps.get_model("community", "Area").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
