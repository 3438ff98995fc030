from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("外国人の方へ")

    def ready(self):
        from community.models.headcounts import Breakdowns
        from community.registry import headcount_breakdowns

        # The ward's course is for people who live, work or study in Nerima; exchange events invite neighbours
        # from outside too: both count 区内/区外.
        headcount_breakdowns.register(Breakdowns("international.japaneseclass", residence=True))
        headcount_breakdowns.register(Breakdowns("international.exchangeevent", residence=True))
