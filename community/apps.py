from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("地域・団体・開催回")

    def ready(self) -> None:
        from community import personal_data_kernel, registry
        from community.services import sessions
        from community.services.outbox import outbox_on_sent_register

        registry.personal_data.register(personal_data_kernel)
        # A reminder counts as sent only once the mail server accepted it.
        outbox_on_sent_register(sessions.REMINDER_SENT, sessions.reminder_mark_sent)

        from community import todo_items

        todo_items.register()
