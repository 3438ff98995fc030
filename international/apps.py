from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("外国人の方へ")

    def ready(self):
        from community.headcount_rules import count_breakdowns

        # The ward's course is for people who live, work or study in Nerima; exchange events invite neighbours
        # from outside too: both count 区内/区外.
        count_breakdowns("international.japaneseclass", residence=True)
        count_breakdowns("international.exchangeevent", residence=True)
