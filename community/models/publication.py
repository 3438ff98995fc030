"""Publication state shared by organizations and listings: 下書き → 承認待ち → 公開 → 終了."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("下書き")
    PENDING = "pending", _("承認待ち")
    PUBLISHED = "published", _("公開")
    RETURNED = "returned", _("差戻し")
    ENDED = "ended", _("終了")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=PublicationStatus.PENDING)


class Publishable(models.Model):
    """Staff approve the first publication; later edits go live at once and are kept in history."""

    status = models.CharField(
        _("公開状態"), max_length=12, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT, db_index=True
    )
    review_note = models.TextField(_("差戻しの理由"), blank=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED
