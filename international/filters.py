"""The 日本語教室 finder: level, weekday, area, children or adults — a plain GET form."""

import django_filters
from django.utils.translation import gettext_lazy as _

from community.models import Area
from community.models.schedules import Weekday
from international.models import JapaneseClass


class JapaneseClassFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("レベル"), choices=JapaneseClass.Level.choices, empty_label=_("すべて"))
    weekday = django_filters.ChoiceFilter(
        label=_("曜日"), choices=Weekday.choices, method="filter_weekday", empty_label=_("すべて")
    )
    area = django_filters.ModelChoiceFilter(
        label=_("地域"), queryset=Area.objects.all(), field_name="place__chome__town__area", empty_label=_("すべて")
    )
    learners = django_filters.ChoiceFilter(
        label=_("だれが学ぶ"),
        choices=[
            (JapaneseClass.Learners.CHILDREN, _("子ども")),
            (JapaneseClass.Learners.ADULTS, _("大人")),
        ],
        method="filter_learners",
        empty_label=_("すべて"),
    )

    class Meta:
        model = JapaneseClass
        fields = ["level", "weekday", "area", "learners"]

    def filter_weekday(self, queryset, name, value):
        return queryset.on_weekday(int(value))

    def filter_learners(self, queryset, name, value):
        return queryset.for_learners(value)
