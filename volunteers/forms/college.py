"""Forms for the College: applying for a cohort and recording a class's attendance."""

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteers.models import ActivityField, CollegeApplication


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(field)s（定員%(n)s人）") % {"field": ActivityField(obj.field).label, "n": obj.capacity}


class CollegeApplicationForm(forms.Form):
    course = CourseChoiceField(
        label=_("希望する分野"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("希望する分野を1つ選んでください。"), "invalid_choice": _("希望する分野を選び直してください。")},
    )
    motivation = forms.CharField(
        label=_("受講の動機"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("地域でやってみたいこと、カレッジで学びたいことを書いてください（1,000字まで）。"),
        error_messages={"required": _("受講の動機を書いてください。"), "max_length": _("1,000字以内で書いてください。")},
    )
    availability = forms.MultipleChoiceField(
        label=_("受講できる時間帯"),
        choices=CollegeApplication.Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("受講できる時間帯を1つ以上選んでください。")},
    )
    consent = forms.BooleanField(
        label=_("申込内容を区と社会福祉協議会がカレッジの運営に使うことに同意します"),
        error_messages={"required": _("申し込むには、個人情報の取扱いに同意してください。")},
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = cohort.courses.order_by("field")


class AttendanceForm(forms.Form):
    """One checkbox per enrolled student of the class's course."""

    present = forms.ModelMultipleChoiceField(
        label=_("出席した受講生"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, students, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = students
        self.fields["present"].label_from_instance = lambda app: app.user.get_full_name()
