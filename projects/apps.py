from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("地域おこしプロジェクト")

    def ready(self) -> None:
        from community import registry
        from projects import personal_data

        registry.personal_data.register(personal_data)

        from projects import todo

        todo.register()
