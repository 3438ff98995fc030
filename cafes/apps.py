from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafesConfig(AppConfig):
    name = "cafes"
    verbose_name = _("居場所（ケアカフェ・こどもカフェ）")

    def ready(self):
        from cafes.models import ChildcareLecture, KidsCafe
        from cafes.queries import SEARCH_SOURCE
        from community import registry
        from community.finder_fields import register_hosted_listings

        registry.search_sources.register(SEARCH_SOURCE)

        # A kids' café's next session may be a lecture held there: its stored next date counts them.
        register_hosted_listings(KidsCafe, ChildcareLecture, "kids_cafe")

        from community.models.headcounts import Breakdowns
        from community.registry import headcount_breakdowns

        # 介護予防 is for older residents: the ward wants to see which ages the cafés reach.
        headcount_breakdowns.register(Breakdowns("cafes.carecafe", age_bands=True))
