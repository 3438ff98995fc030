"""専門家による経営相談: slots are kernel sessions (capacity 1) of an ExpertConsultation listing.

The listing is kept out of the public lists on purpose: the slots are for applicant groups, who book
them in マイ団体; ConsultationBooking records which group a sign-up was made for.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.models import Listing


class ExpertConsultation(Listing):
    expert_name = models.CharField(_("専門家の氏名"), max_length=60)
    expertise = models.CharField(_("専門分野"), max_length=120, help_text=_("例: 会計・資金調達、広報、NPO法人の運営"))

    class Meta:
        verbose_name = _("専門家による経営相談")
        verbose_name_plural = _("専門家による経営相談")

    def get_absolute_url(self) -> str:
        return reverse("projects:index") + "#consultation"


class ConsultationBooking(models.Model):
    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("団体"), on_delete=models.CASCADE, related_name="consultation_bookings"
    )
    signup = models.OneToOneField(
        "community.SignUp", verbose_name=_("申込"), on_delete=models.CASCADE, related_name="consultation_booking"
    )
    topic = models.CharField(_("相談したいこと"), max_length=200)
    created_at = models.DateTimeField(_("予約日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("経営相談の予約")
        verbose_name_plural = _("経営相談の予約")
        ordering = ["signup__session__starts_at"]

    def __str__(self) -> str:
        return f"{self.organization} / {self.signup.session}"
