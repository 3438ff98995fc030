"""ボランティアの活動時間: a volunteer reports the hours of one activity; the organization confirms them.

Only confirmed hours count in the ward's figures. The volunteer may report only for an organization that
accepted them (an accepted application to one of its openings, or an accepted invitation).
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n.content import TranslatedQuerySetMixin

__all__ = ["VolunteerHours"]


class VolunteerHoursQuerySet(TranslatedQuerySetMixin, models.QuerySet):
    """Rows arrive with their organization's and opening's translations in the reader's language (one query each)."""

    def confirmed(self):
        return self.filter(status=VolunteerHours.Status.CONFIRMED)

    def for_organization(self, organization):
        return self.filter(organization=organization)

    def in_fiscal_year(self, fiscal_year):
        return self.filter(activity_on__gte=fiscal_year.first_day, activity_on__lte=fiscal_year.last_day)


class VolunteerHours(models.Model):
    class Status(models.TextChoices):
        REPORTED = "reported", _("団体の確認待ち")
        CONFIRMED = "confirmed", _("確認済み")
        RETURNED = "returned", _("団体が差し戻し")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ボランティア"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="volunteer_hours",
    )
    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("活動した団体"), on_delete=models.CASCADE, related_name="volunteer_hours"
    )
    opening = models.ForeignKey(
        "volunteers.Opening", verbose_name=_("活動（ボランティア募集）"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="hours",
    )
    activity_on = models.DateField(_("活動した日"))
    hours = models.DecimalField(_("活動時間（時間）"), max_digits=3, decimal_places=1)
    note = models.CharField(_("ひとこと（任意）"), max_length=200, blank=True)
    status = models.CharField(_("状態"), max_length=10, choices=Status.choices, default=Status.REPORTED, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("確認した人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    created_at = models.DateTimeField(_("報告日時"), default=timezone.now)

    objects = VolunteerHoursQuerySet.as_manager()

    class Meta:
        verbose_name = _("ボランティアの活動時間")
        verbose_name_plural = _("ボランティアの活動時間")
        ordering = ["-activity_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=Decimal("24")), name="volunteer_hours_within_a_day"
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="vhours_org_status_idx")]

    def __str__(self) -> str:
        return f"{self.organization} {self.activity_on} {self.hours}"
