"""The demo loaders' one way to say "this row is made up" (and the only writer of DemoFiction).

Production code never marks anything: real records are never fiction. The pages read the marks through
`with_fiction()` (community/models/demo.py).
"""

from django.contrib.contenttypes.models import ContentType

from community.models.demo import DemoFiction, fiction_model


def _content_type(obj) -> ContentType:
    return ContentType.objects.get_for_model(fiction_model(type(obj)))


def mark_fictional(*objects) -> None:
    """Register saved rows as demo fiction; marking a row twice changes nothing (a demo loads again and again)."""
    if any(obj.pk is None for obj in objects):
        raise ValueError("save the row before marking it fictional")
    DemoFiction.objects.bulk_create(
        [DemoFiction(content_type=_content_type(obj), object_id=obj.pk) for obj in objects],
        ignore_conflicts=True, batch_size=2000,
    )


def unmark_fictional(*objects) -> None:
    """Take rows off the register: a demo row found to be real after all (see international/demo)."""
    for obj in objects:
        DemoFiction.objects.filter(content_type=_content_type(obj), object_id=obj.pk).delete()


def is_fictional(obj) -> bool:
    """One row, one query: for a single object at hand (a loader's check, a test); lists use with_fiction()."""
    return DemoFiction.objects.filter(content_type=_content_type(obj), object_id=obj.pk).exists()


def fictional_ids(model):
    """The ids of `model`'s fictional rows, as a subquery: `Course.objects.filter(cohort__in=fictional_ids(Cohort))`."""
    opts = fiction_model(model)._meta
    return DemoFiction.objects.filter(
        content_type__app_label=opts.app_label, content_type__model=opts.model_name
    ).values("object_id")


__all__ = ["fictional_ids", "is_fictional", "mark_fictional", "unmark_fictional"]
