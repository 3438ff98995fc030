"""審査票: one scoring sheet per reviewer per application; the admin shows the average."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_POINTS = 5
CRITERIA = ["need_points", "feasibility_points", "impact_points", "sustainability_points", "budget_points"]


def points_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MaxValueValidator(MAX_POINTS)])


class Score(models.Model):
    application = models.ForeignKey(
        "projects.Application", verbose_name=_("申請"), on_delete=models.CASCADE, related_name="scores"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("審査員"), on_delete=models.PROTECT, related_name="project_scores"
    )
    need_points = points_field(_("地域の課題への必要性（0〜5点）"))
    feasibility_points = points_field(_("実現性（0〜5点）"))
    impact_points = points_field(_("地域への効果（0〜5点）"))
    sustainability_points = points_field(_("継続性・発展性（0〜5点）"))
    budget_points = points_field(_("予算の妥当性（0〜5点）"))
    total = models.PositiveSmallIntegerField(_("合計点"), editable=False, default=0)
    comment = models.TextField(_("講評"), blank=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        verbose_name = _("審査票")
        verbose_name_plural = _("審査票")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="score_one_per_reviewer_per_application"),
            models.CheckConstraint(
                condition=Q(need_points__lte=MAX_POINTS, feasibility_points__lte=MAX_POINTS,
                            impact_points__lte=MAX_POINTS, sustainability_points__lte=MAX_POINTS,
                            budget_points__lte=MAX_POINTS),
                name="score_points_at_most_five",
            ),
        ]

    def __str__(self) -> str:
        return _("%(reviewer)s の審査票（%(total)s点）") % {"reviewer": self.reviewer, "total": self.total}

    def compute_total(self) -> int:
        return sum(getattr(self, name) or 0 for name in CRITERIA)
