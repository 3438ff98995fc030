from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HirobaConfig(AppConfig):
    name = "hiroba"
    verbose_name = _("相談（相談情報ひろば・相談受付）")

    def ready(self) -> None:
        from community import registry
        from hiroba import personal_data

        registry.personal_data.register(personal_data)

        from hiroba import todo

        todo.register()
