from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("外国人の方へ")
