"""Which rows the demo invented: a registry beside the schema, not a column of the records themselves.

Only the demo loaders write it (community/demo_fiction.py). Pages that tell fiction from fact read it as an
`is_fictional` annotation (`FictionQuerySet.with_fiction()`), one subquery in the query that fetches the rows.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _


def fiction_model(model):
    """The model whose table owns the row's id: the topmost concrete parent (Listing for a CareCafe).

    A café is registered once, under Listing, so a page reading bare listings (the open-data API) and one reading
    cafés both see it.
    """
    model = model._meta.concrete_model
    while model._meta.parents:
        model = next(iter(model._meta.parents))._meta.concrete_model
    return model


class DemoFiction(models.Model):
    """One row that the demo loader made up (an invented organization, café, class, commissioner …)."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("データの種類"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("データのID"))
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("架空のデモデータ")
        verbose_name_plural = _("架空のデモデータ")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="demofiction_one_row_once"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.app_label}.{self.content_type.model} #{self.object_id}"


def fiction_exists(model, ref: str = "pk") -> Exists:
    """True when the `model` row whose id is at `ref` (e.g. "organization" from a listing) is demo fiction.

    Matched on the content type's natural key, not its id: no query to look the id up, and right in a test
    database whose content-type ids were copied from another one.
    """
    opts = fiction_model(model)._meta
    return Exists(
        DemoFiction.objects.filter(
            content_type__app_label=opts.app_label, content_type__model=opts.model_name, object_id=OuterRef(ref)
        )
    )


class FictionQuerySet(models.QuerySet):
    def with_fiction(self):
        """Each row with `is_fictional`: whether the demo invented it (one subquery, no query per row)."""
        return self.annotate(is_fictional=fiction_exists(self.model))
