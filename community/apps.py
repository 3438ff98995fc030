from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("地域・団体・開催回")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from community import (
            addresses,
            content_version,
            finder_fields,
            personal_data_kernel,
            registry,
            roles,
            staff_sign_in,
        )
        from community.models import Chome, Session, Town
        from community.services import sessions
        from community.services.outbox import outbox_on_sent_register

        registry.personal_data.register(personal_data_kernel)
        # A reminder counts as sent only once the mail server accepted it.
        outbox_on_sent_register(sessions.REMINDER_SENT, sessions.reminder_mark_sent)
        # Signals here only keep stored copies right: the content version of cached pages, the finders' fields.
        post_save.connect(content_version.model_saved, dispatch_uid="community.content_version.saved")
        post_delete.connect(content_version.model_deleted, dispatch_uid="community.content_version.deleted")
        m2m_changed.connect(content_version.relation_changed, dispatch_uid="community.content_version.m2m")
        post_save.connect(finder_fields.session_saved, sender=Session, dispatch_uid="community.finder_fields.saved")
        post_delete.connect(finder_fields.session_saved, sender=Session, dispatch_uid="community.finder_fields.deleted")
        post_save.connect(finder_fields.listing_saved, dispatch_uid="community.finder_fields.listing")
        # Each process's address table (community/addresses.py) is built again when a town or 丁目 changes.
        for model in (Town, Chome):
            post_save.connect(addresses.addresses_changed, sender=model, dispatch_uid=f"community.addresses.saved.{model.__name__}")
            post_delete.connect(addresses.addresses_changed, sender=model, dispatch_uid=f"community.addresses.deleted.{model.__name__}")
        post_migrate.connect(addresses.addresses_changed, sender=self, dispatch_uid="community.addresses.migrated")
        # Export permissions come from the role matrix, created like Django's own after each migrate.
        post_migrate.connect(roles.create_export_permissions, dispatch_uid="community.export_permissions")
        # Every release runs migrate: pages and fragments cached by the previous code are retired with it.
        post_migrate.connect(content_version.released, sender=self, dispatch_uid="community.content_version.released")
        user_logged_in.connect(staff_sign_in.staff_login_started, dispatch_uid="community.staff_login_started")
        authenticator_added.connect(staff_sign_in.second_factor_added, dispatch_uid="community.second_factor_added")

        from community import todo_items

        todo_items.register()
