"""Forms for volunteer openings, the volunteer profile, applications and invitations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Area, Place
from community.models.schedules import Weekday
from volunteers.models import (
    ActivityField,
    Opening,
    Skill,
    SuitableFor,
    TimeOfDay,
    VolunteerLanguage,
    VolunteerProfile,
)


def _checkboxes(label, choices, *, coerce=str, required=False, **kwargs):
    return forms.TypedMultipleChoiceField(
        label=label, choices=choices, coerce=coerce, required=required, widget=forms.CheckboxSelectMultiple, **kwargs
    )


class OpeningForm(forms.ModelForm):
    field = forms.ChoiceField(
        label=_("分野"), choices=ActivityField.choices, widget=forms.RadioSelect,
        error_messages={"required": _("分野を選んでください。")},
    )
    weekdays = _checkboxes(_("活動する曜日"), Weekday.choices, coerce=int)
    times = _checkboxes(_("活動する時間帯"), TimeOfDay.choices)
    skills = _checkboxes(_("活かせる経験・技能"), Skill.choices)
    suitable_for = _checkboxes(_("こんな方に向いています"), SuitableFor.choices)

    class Meta:
        model = Opening
        fields = [
            "title", "title_kana", "summary", "description", "field", "area", "place", "weekdays", "times",
            "schedule_note", "people_needed", "skills", "suitable_for", "closes_on", "contact_text",
        ]
        labels = {"title": _("募集のタイトル"), "description": _("活動の内容")}
        widgets = {
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "title": {"required": _("募集のタイトルを入力してください。")},
            "title_kana": {"required": _("よみがなを入力してください。")},
            "area": {"required": _("活動する地域を選んでください。")},
            "closes_on": {"required": _("募集締切日を入力してください。"), "invalid": _("日付は 2026-12-02 の形で入力してください。")},
            "people_needed": {"required": _("募集人数を入力してください。"), "min_value": _("募集人数は1人以上にしてください。")},
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.all()
        self.fields["area"].empty_label = _("選んでください")
        self.fields["place"].queryset = Place.objects.filter(organization=organization).order_by("name_kana")
        self.fields["place"].required = False
        self.fields["place"].help_text = _("団体で登録した場所から選べます（任意）。")


class OpeningFilterForm(forms.Form):
    field = forms.ChoiceField(label=_("分野"), choices=[("", _("すべて")), *ActivityField.choices], required=False)
    area = forms.ModelChoiceField(label=_("地域"), queryset=Area.objects.all(), required=False, empty_label=_("すべて"))
    suitable = forms.ChoiceField(
        label=_("向いている人"), choices=[("", _("すべて")), *SuitableFor.choices], required=False
    )


class VolunteerProfileForm(forms.ModelForm):
    activity_fields = _checkboxes(_("関心のある分野"), ActivityField.choices)
    weekdays = _checkboxes(_("活動できる曜日"), Weekday.choices, coerce=int)
    times = _checkboxes(_("活動できる時間帯"), TimeOfDay.choices)
    skills = _checkboxes(_("活かせる経験・技能"), Skill.choices)
    languages = _checkboxes(_("日本語のほかに話せる言語"), VolunteerLanguage.choices)
    areas = forms.ModelMultipleChoiceField(
        label=_("活動できる地域"), queryset=Area.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = VolunteerProfile
        fields = ["activity_fields", "areas", "weekdays", "times", "skills", "languages", "wishes", "visibility"]
        widgets = {"visibility": forms.RadioSelect, "wishes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "visibility": _("公開しても、氏名・メールアドレス・電話番号は、あなたが団体の招待を承諾するまで表示されません。"),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("activity_fields") and not cleaned.get("areas"):
            self.add_error("activity_fields", _("分野か地域を1つ以上選んでください。合う募集をさがすのに使います。"))
        return cleaned


class OpeningApplyForm(forms.Form):
    message = forms.CharField(
        label=_("団体へのメッセージ"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("自己紹介や、参加できる日時などを書いてください。"),
        error_messages={"required": _("団体へのメッセージを書いてください。"), "max_length": _("1,000字以内で書いてください。")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("返事"),
        choices=[("accept", _("受け入れる")), ("ask", _("質問する")), ("decline", _("今回は見送る"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("返事を選んでください。")},
    )
    message = forms.CharField(
        label=_("応募者へのメッセージ"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("質問するときは必ず書いてください。"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "ask" and not cleaned.get("message", "").strip():
            self.add_error("message", _("質問の内容を入力してください。"))
        return cleaned


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("団体への返信"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("返信の内容を入力してください。")},
    )


class VolunteerSearchForm(forms.Form):
    field = forms.ChoiceField(label=_("分野"), choices=[("", _("すべて")), *ActivityField.choices], required=False)
    area = forms.ModelChoiceField(label=_("地域"), queryset=Area.objects.all(), required=False, empty_label=_("すべて"))


class InvitationForm(forms.Form):
    opening = forms.ModelChoiceField(
        label=_("関係する募集（任意）"), queryset=Opening.objects.none(), required=False, empty_label=_("特になし")
    )
    message = forms.CharField(
        label=_("招待のメッセージ"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("招待のメッセージを入力してください。")},
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opening"].queryset = Opening.objects.filter(organization=organization).accepting()
