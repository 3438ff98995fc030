"""これまでの採択事業: the public showcase, curated by staff (a year may be an estimate: say so)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ShowcaseProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_organization(self):
        return self.select_related("organization")


class ShowcaseProject(models.Model):
    title = models.CharField(_("事業名"), max_length=160)
    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("実施団体"), on_delete=models.PROTECT, related_name="showcase_projects"
    )
    application = models.OneToOneField(
        "projects.Application", verbose_name=_("もとの申請"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="showcase",
    )
    fiscal_year = models.PositiveSmallIntegerField(_("採択年度（西暦）"))
    year_is_estimated = models.BooleanField(
        _("年度は推定"), default=False, help_text=_("出典から年度が確定できない場合にチェックし、公開ページにも推定と表示します。")
    )
    year_note = models.CharField(_("年度の根拠"), max_length=200, blank=True)
    summary = models.TextField(_("事業の概要"))
    results = models.TextField(_("成果"), blank=True)
    photo = models.ImageField(_("写真"), upload_to="projects/showcase/", blank=True)
    photo_alt = models.CharField(_("写真の説明（代替テキスト）"), max_length=160, blank=True)
    source_url = models.URLField(_("出典"), blank=True)
    is_published = models.BooleanField(_("公開する"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    objects = ShowcaseProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("採択事業の紹介")
        verbose_name_plural = _("採択事業の紹介")
        ordering = ["-fiscal_year", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["title", "organization"], name="showcase_unique_title_org"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:showcase_detail", args=[self.pk])
