from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("活動に参加する・担い手")

    def ready(self) -> None:
        from community import registry
        from volunteers import personal_data

        registry.personal_data.register(personal_data)
