"""電話連絡リスト: people who signed up without an e-mail address are phoned when their session is cancelled or changed.

A row is made for each such sign-up in the same transaction that cancels or changes the session, so nobody
is forgotten; the organizer (マイ団体) and ward staff (admin) tick it off once they have phoned.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PhoneCallQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def for_organization(self, organization_id):
        return self.filter(signup__session__listing__organization_id=organization_id)

    def with_signup(self):
        return self.select_related("signup__session__listing__organization", "signup__session__place")


class PhoneCall(models.Model):
    class Reason(models.TextChoices):
        CANCELLED = "cancelled", _("開催回の中止")
        CHANGED = "changed", _("日時・場所の変更")

    # One call per event per sign-up: cancelling twice or saving the same change again adds no second row.
    key = models.CharField(_("識別キー"), max_length=200, unique=True)
    signup = models.ForeignKey(
        "community.SignUp", verbose_name=_("申込"), on_delete=models.CASCADE, related_name="phone_calls"
    )
    reason = models.CharField(_("理由"), max_length=10, choices=Reason.choices)
    detail = models.CharField(_("伝えること"), max_length=300)
    created_at = models.DateTimeField(_("作成日時"), default=timezone.now)
    done_at = models.DateTimeField(_("電話した日時"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("電話した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PhoneCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("電話連絡")
        verbose_name_plural = _("電話連絡リスト")
        ordering = ["done_at", "created_at", "pk"]
        indexes = [models.Index(fields=["done_at", "created_at"], name="phonecall_open_idx")]

    def __str__(self) -> str:
        return f"{self.signup.name} / {self.get_reason_display()}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
