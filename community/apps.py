from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("地域・団体・開催回")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from community import content_version, finder_fields
        from community.models import Session

        # Signals here only keep stored copies right: the content version of cached pages, the finders' fields.
        post_save.connect(content_version.model_saved, dispatch_uid="community.content_version.saved")
        post_delete.connect(content_version.model_deleted, dispatch_uid="community.content_version.deleted")
        m2m_changed.connect(content_version.relation_changed, dispatch_uid="community.content_version.m2m")
        post_save.connect(finder_fields.session_saved, sender=Session, dispatch_uid="community.finder_fields.saved")
        post_delete.connect(finder_fields.session_saved, sender=Session, dispatch_uid="community.finder_fields.deleted")
        post_save.connect(finder_fields.listing_saved, dispatch_uid="community.finder_fields.listing")
