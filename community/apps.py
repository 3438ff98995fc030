from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("地域・団体・開催回")

    def ready(self) -> None:
        from community import personal_data_kernel, registry

        registry.personal_data.register(personal_data_kernel)
