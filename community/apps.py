from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("地域・団体・開催回")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from community import personal_data_kernel, registry, roles, staff_sign_in
        from community.services import sessions
        from community.services.outbox import outbox_on_sent_register

        registry.personal_data.register(personal_data_kernel)
        # A reminder counts as sent only once the mail server accepted it.
        outbox_on_sent_register(sessions.REMINDER_SENT, sessions.reminder_mark_sent)
        # Export permissions come from the role matrix, created like Django's own after each migrate.
        post_migrate.connect(roles.create_export_permissions, dispatch_uid="community.export_permissions")
        user_logged_in.connect(staff_sign_in.staff_login_started, dispatch_uid="community.staff_login_started")
        authenticator_added.connect(staff_sign_in.second_factor_added, dispatch_uid="community.second_factor_added")
