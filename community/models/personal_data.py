"""個人情報の閲覧記録: who looked at or exported whose sign-ups, and when (kept when the people are gone)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataAccess(models.Model):
    class Action(models.TextChoices):
        VIEW_SIGNUPS = "view_signups", _("申込者一覧を閲覧")
        EXPORT_SIGNUPS = "export_signups", _("申込者一覧をCSVで出力")

    at = models.DateTimeField(_("日時"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Labels are copied at the time of access so the log still reads when the account or session is gone.
    user_label = models.CharField(_("操作した人（記録時）"), max_length=200)
    action = models.CharField(_("操作"), max_length=16, choices=Action.choices)
    organization = models.ForeignKey(
        "community.Organization",
        verbose_name=_("団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        "community.Session",
        verbose_name=_("開催回"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_label = models.CharField(_("対象（記録時）"), max_length=300)
    rows = models.PositiveIntegerField(_("件数"), default=0)

    class Meta:
        verbose_name = _("個人情報の閲覧記録")
        verbose_name_plural = _("個人情報の閲覧記録")
        ordering = ["-at", "-pk"]
        # Nobody edits or deletes a log line from the admin: staff may only read it.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["session", "at"], name="pdaccess_session_at_idx")]

    def __str__(self) -> str:
        return f"{self.user_label} {self.get_action_display()} {self.target_label}"
