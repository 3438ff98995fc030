"""Subsidy reports move out of MEDIA_ROOT into the private storage, under generated names."""

import community.private_files
from django.db import migrations

FIELDS = [("hiroba.PlazaSubsidy", "report", "hiroba/subsidy_reports")]

def _move(apps, fields, source, target, rename):
    """Copy each stored file from one storage to the other (a generated name when going private), then drop the old."""
    from django.core.files.storage import storages

    source, target = storages[source], storages[target]
    for label, field, folder in fields:
        model = apps.get_model(label)
        for row in model.objects.exclude(**{field: ""}).iterator():
            old = getattr(row, field).name
            if not source.exists(old):
                continue  # already moved, or lost before this migration: nothing to carry
            wanted = community.private_files.GeneratedName(folder)(row, old) if rename else old
            with source.open(old, "rb") as handle:
                new = target.save(wanted, handle)
            model.objects.filter(pk=row.pk).update(**{field: new})
            source.delete(old)


def to_private(apps, schema_editor):
    _move(apps, FIELDS, "default", "private", rename=True)


def to_public(apps, schema_editor):
    _move(apps, FIELDS, "private", "default", rename=False)


class Migration(migrations.Migration):

    dependencies = [
        ('hiroba', '0001_plazas_directory_consultations'),
    ]

    operations = [
        migrations.AlterField(
            model_name='plazasubsidy',
            name='report',
            field=community.private_files.PrivateFileField(blank=True, upload_to=community.private_files.GeneratedName('hiroba/subsidy_reports'), verbose_name='実績報告書'),
        ),
        migrations.RunPython(to_private, to_public),
    ]
