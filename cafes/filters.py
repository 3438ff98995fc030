"""The café finders: plain GET forms (django-filter) whose URL can be shared, bookmarked and printed.

Criteria about *when and where a café meets* (地域, 町名, weekday, 午前/午後, barrier-free) are checked
together on one upcoming session, so 「水曜の午後に石神井で」 finds a 出張型 café only when that very
visit is on a Wednesday afternoon in 石神井 — not a Wednesday in 練馬 plus some visit to 石神井.
Weekday and time come from the generated sessions (their stored Asia/Tokyo weekday and start time), never from
schedule text. The FilterSet applies the café-level filters; results() hands both to cafes.selectors.CafeResults.
"""

import copy

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cafes.models import CareCafe, ChildcareLecture, KidsCafe, venue_q
from cafes.selectors import CafeResults
from community.i18n.text import lazy_format
from community.models import Area, Town
from community.models.schedules import Weekday
from community.models.sessions import NOON


class TimeOfDay:
    MORNING = "am"
    AFTERNOON = "pm"
    CHOICES = [(MORNING, _("午前")), (AFTERNOON, _("午後"))]


class Sort:
    NEXT_DATE = "next"
    READING = "kana"
    CHOICES = [(NEXT_DATE, _("次回開催日が近い順（住所を入れたときは距離が近い順）")), (READING, _("五十音順"))]


def _collect(queryset, name, value):
    """Session criteria are only gathered here; filter_queryset applies them together."""
    return queryset


class NearForm(forms.Form):
    """The finders' form: an address or 町名 typed in 「near」 becomes a point to measure distances from."""

    origin = None

    def clean_near(self):
        from community.geo import locate

        text = self.cleaned_data.get("near", "").strip()
        if text:
            self.origin = locate(text)
            if self.origin is None:
                raise forms.ValidationError(
                    _("住所から町名を読み取れませんでした。「石神井町3丁目」のように町名から入れてください。")
                )
        return text


class _CopiedShallow(dict):
    """A FilterSet's declared filters, copied for each request one level deep instead of deep.

    django-filter deep-copies every filter per request (querysets, choices, widgets, lazy labels: a tenth of a
    finder's work); a filter keeps nothing of a request but the `model` and `parent` set on its copy, so a shallow
    copy each is enough. A method filter's FilterMethod is made again for its copy (it names its filter)."""

    def __deepcopy__(self, memo):
        copies = {}
        for name, declared in self.items():
            copied = copy.copy(declared)
            if copied.method is not None:
                copied.method = copied.method
            copies[name] = copied
        return copies


class CafeFilterBase(django_filters.FilterSet):
    near = django_filters.CharFilter(
        label=_("住所か町名から近い順に"), method=_collect,
        help_text=_("例: 石神井町3-5-1、石神井町。区外の住所や番地だけでは探せません。"),
    )
    area = django_filters.ModelChoiceFilter(
        label=_("地域"), queryset=Area.objects.all(), to_field_name="slug", empty_label=_("すべての地域"),
        method=_collect,
    )
    weekday = django_filters.MultipleChoiceFilter(
        label=_("曜日"), choices=Weekday.choices, widget=forms.CheckboxSelectMultiple, method=_collect
    )
    sort = django_filters.ChoiceFilter(
        label=_("並べ方"), choices=Sort.CHOICES, empty_label=None, method=_collect
    )

    include_lectures = False

    def get_form_class(self):
        # django-filter builds a new form class, with new fields, for every request; the fields depend only on the
        # filters' declarations (labels and choices are lazy), so each finder builds its class once.
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = type(self)._form_class = super().get_form_class()
        return form_class

    def session_criteria(self, data) -> tuple[Q, Q]:
        """(when, where): Q objects on a session; an empty Q means no criterion of that kind."""
        when = Q()
        if data.get("weekday"):
            when &= Q(local_weekday__in=[int(day) for day in data["weekday"]])  # Weekday: 0 = 月, as stored
        return when, Q()

    def own_place_criteria(self, data) -> Q:
        return Q()

    def results(self) -> CafeResults:
        """The cafés that pass every filter, as the Paginator's object list."""
        cafes = self.qs  # validates the form; the café-level filters are applied
        data = self.form.cleaned_data
        when, where = self.session_criteria(data)
        return CafeResults(
            cafes, when=when, where=where, own=self.own_place_criteria(data), include_lectures=self.include_lectures,
            by_reading=data.get("sort") == Sort.READING, origin=self.form.origin,
        )


class CareCafeFilter(CafeFilterBase):
    town = django_filters.ModelChoiceFilter(
        label=_("町名"), queryset=Town.objects.order_by("name_kana"), empty_label=_("すべての町"), method=_collect
    )
    time_of_day = django_filters.ChoiceFilter(
        label=_("時間帯"), choices=TimeOfDay.CHOICES, empty_label=_("指定なし"), method=_collect
    )
    cafe_type = django_filters.ChoiceFilter(
        label=_("カフェの種類"), choices=CareCafe.CafeType.choices, empty_label=_("すべての種類")
    )
    free = django_filters.BooleanFilter(
        label=_("無料のところだけ"), widget=forms.CheckboxInput, method="filter_free"
    )
    no_signup = django_filters.BooleanFilter(
        label=_("申込不要（直接行ける）ところだけ"), widget=forms.CheckboxInput, method="filter_no_signup"
    )
    barrier_free = django_filters.BooleanFilter(
        label=_("車いすで入れて多目的トイレがある会場だけ"), widget=forms.CheckboxInput, method=_collect
    )

    class Meta:
        model = CareCafe
        form = NearForm
        fields = [
            "near", "area", "town", "weekday", "time_of_day", "cafe_type", "free", "no_signup", "barrier_free", "sort",
        ]

    def filter_free(self, queryset, name, value):
        # An unticked checkbox means "no preference", not "only paid cafés".
        return queryset.filter(is_free=True) if value else queryset

    def filter_no_signup(self, queryset, name, value):
        return queryset.filter(signup_required=False) if value else queryset

    def session_criteria(self, data):
        when, where = super().session_criteria(data)
        if data.get("time_of_day") == TimeOfDay.MORNING:
            when &= Q(local_time__lt=NOON)
        elif data.get("time_of_day") == TimeOfDay.AFTERNOON:
            when &= Q(local_time__gte=NOON)
        if data.get("town"):
            where &= venue_q("chome__town", data["town"])
        if data.get("area"):
            where &= venue_q("chome__town__area", data["area"])
        if data.get("barrier_free"):
            where &= venue_q("wheelchair_accessible", True) & venue_q("has_accessible_toilet", True)
        return when, where

    def own_place_criteria(self, data):
        own = Q()
        if data.get("town"):
            own &= Q(place__chome__town=data["town"])
        if data.get("area"):
            own &= Q(place__chome__town__area=data["area"])
        if data.get("barrier_free"):
            own &= Q(place__wheelchair_accessible=True, place__has_accessible_toilet=True)
        return own


class KidsCafeFilter(CafeFilterBase):
    age = django_filters.ChoiceFilter(
        label=_("お子さんの年齢"), choices=[(n, lazy_format(_("%(n)s歳"), n=n)) for n in range(7)],
        empty_label=_("指定なし"), method="filter_age",
    )
    topic = django_filters.ChoiceFilter(
        label=_("子育て講座のテーマ"), choices=ChildcareLecture.Topic.choices, empty_label=_("指定なし"),
        method=_collect,
    )

    include_lectures = True  # a lecture's sessions count for the café it is given at

    class Meta:
        model = KidsCafe
        form = NearForm
        fields = ["near", "area", "age", "weekday", "topic", "sort"]

    def filter_age(self, queryset, name, value):
        return queryset.filter(age_min__lte=int(value), age_max__gte=int(value))

    def session_criteria(self, data):
        when, where = super().session_criteria(data)
        if data.get("topic"):
            # Only lecture sessions carry a topic, so this narrows to upcoming lectures on that theme.
            when &= Q(listing__childcarelecture__topic=data["topic"])
        if data.get("area"):
            where &= venue_q("chome__town__area", data["area"])
        return when, where

    def own_place_criteria(self, data):
        return Q(place__chome__town__area=data["area"]) if data.get("area") else Q()


for _finder in (CareCafeFilter, KidsCafeFilter):
    _finder.base_filters = _CopiedShallow(_finder.base_filters)
