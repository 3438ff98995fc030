"""お知らせのまとめ: news for members who chose a daily digest, waiting for the next one.

A row is one line of the digest (「6月3日 14:00 〇〇さんが申し込みました（お茶会）」), rendered when the event
happened. The daily digest (send_digests) collects a member's undelivered rows into one outbox mail; the row
points at that mail, and goes with it when the mail's copy is deleted (outbox retention).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrganizerNoticeQuerySet(models.QuerySet):
    def undelivered(self):
        return self.filter(digest__isnull=True)


class OrganizerNotice(models.Model):
    membership = models.ForeignKey(
        "community.Membership", verbose_name=_("メンバー"), on_delete=models.CASCADE, related_name="notices"
    )
    line = models.CharField(_("お知らせ"), max_length=300)
    url = models.URLField(_("リンク"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("日時"), default=timezone.now)
    digest = models.ForeignKey(
        "community.OutboxMessage",
        verbose_name=_("まとめて送ったメール"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    objects = OrganizerNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("まとめて送るお知らせ")
        verbose_name_plural = _("まとめて送るお知らせ")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["digest", "membership"], name="notice_digest_member_idx")]

    def __str__(self) -> str:
        return self.line
