"""参加者数: how many came to a session, whether they signed up or just walked in (most café visits need no
sign-up), with 区内/区外 and age bands when the program asks for them.

`checked_in` and `total` are kept in step by community/services/headcounts.py: signed-up people count once
they are checked in (from the list, or by the organizer scanning their QR code); walk-ins are a number.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community import registry


@dataclass(frozen=True)
class Breakdowns:
    """What sessions of listing kind `kind` (e.g. "cafes.carecafe") record besides the total. Each app registers
    its own in AppConfig.ready() (registry.headcount_breakdowns), so the kernel never names a program: the ward's
    Japanese course counts 区内/区外 because it is for people who live, work or study in the ward, and care
    cafés count age bands for 介護予防."""

    kind: str
    residence: bool = False
    age_bands: bool = False


def breakdowns_for(listing) -> Breakdowns:
    return next((item for item in registry.headcount_breakdowns if item.kind == listing.kind), Breakdowns(listing.kind))


# Breakdowns a program may ask for: field name → label.
RESIDENCE_FIELDS = {"in_ward": _("区内の方"), "outside_ward": _("区外の方")}
AGE_FIELDS = {
    "age_under_18": _("18歳未満"),
    "age_18_64": _("18〜64歳"),
    "age_65_74": _("65〜74歳"),
    "age_75_over": _("75歳以上"),
}


class HeadcountQuerySet(models.QuerySet):
    def of_sessions(self, sessions):
        return self.filter(session__in=sessions)


class Headcount(models.Model):
    session = models.OneToOneField(
        "community.Session", verbose_name=_("開催回"), on_delete=models.CASCADE, related_name="headcount"
    )
    walk_ins = models.PositiveIntegerField(_("申込なしで来た人数"), default=0)
    checked_in = models.PositiveIntegerField(_("申込者のうち来た人数"), default=0, editable=False)
    total = models.PositiveIntegerField(_("参加者数"), default=0, editable=False)
    in_ward = models.PositiveIntegerField(_("区内の方"), null=True, blank=True)
    outside_ward = models.PositiveIntegerField(_("区外の方"), null=True, blank=True)
    age_under_18 = models.PositiveIntegerField(_("18歳未満"), null=True, blank=True)
    age_18_64 = models.PositiveIntegerField(_("18〜64歳"), null=True, blank=True)
    age_65_74 = models.PositiveIntegerField(_("65〜74歳"), null=True, blank=True)
    age_75_over = models.PositiveIntegerField(_("75歳以上"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("記録した人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    recorded_at = models.DateTimeField(_("記録日時"), default=timezone.now)

    objects = HeadcountQuerySet.as_manager()

    class Meta:
        verbose_name = _("参加者数")
        verbose_name_plural = _("参加者数")
        constraints = [
            models.CheckConstraint(
                condition=Q(total=F("walk_ins") + F("checked_in")), name="headcount_total_is_walk_ins_plus_checked_in"
            ),
            models.CheckConstraint(
                condition=Q(in_ward__isnull=True, outside_ward__isnull=True)
                | Q(in_ward__isnull=False, outside_ward__isnull=False),
                name="headcount_residence_both_or_neither",
            ),
            models.CheckConstraint(
                condition=Q(age_under_18__isnull=True, age_18_64__isnull=True, age_65_74__isnull=True, age_75_over__isnull=True)
                | Q(age_under_18__isnull=False, age_18_64__isnull=False, age_65_74__isnull=False, age_75_over__isnull=False),
                name="headcount_age_bands_all_or_none",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.total}"

    @property
    def has_residence(self) -> bool:
        return self.in_ward is not None

    @property
    def has_age_bands(self) -> bool:
        return self.age_under_18 is not None

    @property
    def breakdown_mismatch(self) -> bool:
        """A breakdown recorded before later check-ins no longer adds up to the total: the page asks to fix it."""
        sums = []
        if self.has_residence:
            sums.append(self.in_ward + self.outside_ward)
        if self.has_age_bands:
            sums.append(sum(getattr(self, name) for name in AGE_FIELDS))
        return any(value != self.total for value in sums)
