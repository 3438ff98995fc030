"""The fixed texts of the 「外国人の方へ」 page, edited by staff and translated per field."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LandingSectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class LandingSection(models.Model):
    slug = models.SlugField(_("識別名"), unique=True)
    heading = models.CharField(_("見出し"), max_length=120)
    body = models.TextField(_("本文"))
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    is_published = models.BooleanField(_("公開する"), default=True)

    objects = LandingSectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("「外国人の方へ」の案内文")
        verbose_name_plural = _("「外国人の方へ」の案内文")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.heading
