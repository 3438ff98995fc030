"""The report is computed from every app's figures and stores nothing. This model only gives it its place in the
admin and its permission (progress.view_report), declared once like every other admin page. Its table stays
empty; it exists so that tools that go through every model (flush, dumpdata, row counts) need no exception."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Meta:
        default_permissions = ("view",)
        verbose_name = _("施策1の年度報告")
        verbose_name_plural = _("施策1の年度報告（4月〜3月）")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
