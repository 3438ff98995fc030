from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafesConfig(AppConfig):
    name = "cafes"
    verbose_name = _("居場所（ケアカフェ・こどもカフェ）")

    def ready(self):
        from community.models.headcounts import Breakdowns
        from community.registry import headcount_breakdowns

        # 介護予防 is for older residents: the ward wants to see which ages the cafés reach.
        headcount_breakdowns.register(Breakdowns("cafes.carecafe", age_bands=True))
