"""送信キュー (the outbox): every mail the portal sends is a row here before it is a message on the wire.

A row is written in the same transaction as the change it reports, so a rolled-back sign-up sends nothing
and a committed one cannot lose its mail. The worker sends it and records 送信済み only after the mail
server accepted it; a refused mail waits and is tried again, then is listed for staff to resend.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessageQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(status=OutboxMessage.Status.FAILED)

    def unsent(self):
        """Queued or waiting for a retry: the worker still owes these."""
        return self.filter(status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.RETRYING])

    def to_any_of(self, addresses):
        query = models.Q(pk__in=[])
        for address in addresses:
            query |= models.Q(to__iexact=address)
        return self.filter(query)


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("送信待ち")
        RETRYING = "retrying", _("再送待ち")
        SENT = "sent", _("送信済み")
        FAILED = "failed", _("送信できませんでした")

    # One logical mail, one key: queuing the same key again (a retried request, an overlapping cron run)
    # finds the existing row instead of sending a second mail.
    key = models.CharField(_("識別キー"), max_length=200, unique=True)
    kind = models.CharField(_("種類"), max_length=100, help_text=_("メールのひな形の名前"))
    to = models.EmailField(_("宛先"))
    reply_to = models.EmailField(_("返信先"), blank=True)
    subject = models.CharField(_("件名"), max_length=300)
    body = models.TextField(_("本文"))
    language = models.CharField(_("言語"), max_length=10, default="ja")
    status = models.CharField(_("状態"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("送信を試みた回数"), default=0)
    last_error = models.TextField(_("最後のエラー"), blank=True)
    created_at = models.DateTimeField(_("作成日時"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("次に試みる日時"), null=True, blank=True)
    sent_at = models.DateTimeField(_("送信日時"), null=True, blank=True)
    # What to record once the server accepted the mail (e.g. 「リマインダー送信済み」), by a name that an app
    # registered in its AppConfig.ready(); see community.services.outbox.outbox_on_sent_register.
    on_sent = models.CharField(_("送信後の記録"), max_length=100, blank=True)
    on_sent_args = models.JSONField(_("送信後の記録の引数"), default=dict, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("送信メール")
        verbose_name_plural = _("送信メール")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_status_created_idx")]
        permissions = [("resend_outboxmessage", _("送信できなかったメールを再送できる"))]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
