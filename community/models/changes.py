"""「最近の変更」: an admin entry (proxy, no table of its own) for the edit history of organizations, places and listings."""

from django.utils.translation import gettext_lazy as _

from community.models.organizations import Organization


class RecentChange(Organization):
    """Gives the admin index a 「最近の変更」 entry and its own view permission; the rows come from the history tables."""

    class Meta:
        proxy = True
        verbose_name = _("最近の変更")
        verbose_name_plural = _("最近の変更")
        default_permissions = ("view", "change")
