from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("活動に参加する・担い手")

    def ready(self) -> None:
        from community import registry
        from community.services.outbox import outbox_on_sent_register
        from volunteers import personal_data
        from volunteers.queries import SEARCH_SOURCE
        from volunteers.services import lottery

        registry.personal_data.register(personal_data)
        registry.search_sources.register(SEARCH_SOURCE)
        # The lottery result counts as mailed only once the mail server accepted it.
        outbox_on_sent_register(lottery.RESULT_MAILED, lottery.result_mark_mailed)

        from volunteers import todo

        todo.register()
