"""The data step shared by each app's `…_move_fiction_to_demo_registry` migration (issue 19).

Not a migration itself (the leading underscore keeps Django's loader away). Frozen: it works on the historical
models it is given, as the migrations that use it saw them.
"""

from django.db import migrations


def _root(model):
    """The topmost concrete parent (Listing for a CareCafe): DemoFiction keys a row by the table owning its id."""
    while model._meta.parents:
        model = next(iter(model._meta.parents))
    return model


def _registered(apps, model):
    DemoFiction = apps.get_model("community", "DemoFiction")
    opts = _root(model)._meta
    return DemoFiction.objects.filter(content_type__app_label=opts.app_label, content_type__model=opts.model_name)


def move_to_registry(*labels: str) -> migrations.RunPython:
    """Register every row whose is_fictional is true; the reverse sets the column from the registry again."""

    def forward(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        DemoFiction = apps.get_model("community", "DemoFiction")
        for label in labels:
            model = apps.get_model(label)
            ids = list(model.objects.filter(is_fictional=True).values_list("pk", flat=True))
            if not ids:
                continue  # a fresh database: its content types do not exist yet, and nothing needs them
            opts = _root(model)._meta
            content_type, _created = ContentType.objects.get_or_create(app_label=opts.app_label, model=opts.model_name)
            DemoFiction.objects.bulk_create(
                [DemoFiction(content_type=content_type, object_id=pk) for pk in ids], ignore_conflicts=True,
                batch_size=2000,
            )

    def backward(apps, schema_editor):
        for label in labels:
            model = apps.get_model(label)
            rows = _registered(apps, model).filter(object_id__in=model.objects.values("pk"))
            model.objects.filter(pk__in=rows.values("object_id")).update(is_fictional=True)
            rows.delete()

    return migrations.RunPython(forward, backward)
