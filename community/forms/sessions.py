"""Forms organization members use to keep their sessions and recurring schedules."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Place, RecurringSchedule
from community.models.schedules import Weekday

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _places_for(organization, listing):
    ids = {listing.place_id} if listing and listing.place_id else set()
    return Place.objects.filter(organization=organization) | Place.objects.filter(pk__in=ids)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("回のタイトル（任意）"), max_length=120, required=False)
    date = forms.DateField(label=_("開催日"), widget=DATE_WIDGET, error_messages={"invalid": _("日付を正しく入力してください（例: 2026-12-02）。")})
    start_time = forms.TimeField(label=_("開始時刻"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("終了時刻"), widget=TIME_WIDGET)
    place = forms.ModelChoiceField(label=_("場所"), queryset=Place.objects.none(), required=False, empty_label=_("掲載の主な場所"))
    capacity = forms.IntegerField(label=_("定員（人）"), min_value=1, required=False, help_text=_("空欄は定員なし"))
    signup_required = forms.BooleanField(label=_("申込が必要"), required=False)
    signup_closes_at = forms.DateField(label=_("申込締切日（任意）"), widget=DATE_WIDGET, required=False)
    fee_text = forms.CharField(label=_("参加費"), max_length=100, required=False)
    audience = forms.CharField(label=_("対象"), max_length=200, required=False)
    notes = forms.CharField(label=_("備考"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, organization=None, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = _places_for(organization, listing)
        for name in ("date", "start_time", "end_time"):
            self.fields[name].error_messages["required"] = _("この項目を入力してください。")

    def clean(self):
        data = super().clean()
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and date < timezone.localdate():
            self.add_error("date", _("過去の日付には開催回を作れません。"))
        if start and end and end <= start:
            self.add_error("end_time", _("終了時刻は開始時刻より後にしてください。"))
        closes = data.get("signup_closes_at")
        if closes and date and closes > date:
            self.add_error("signup_closes_at", _("申込締切日は開催日以前にしてください。"))
        return data

    def session_fields(self) -> dict:
        data = self.cleaned_data
        tz = timezone.get_default_timezone()
        closes = data.get("signup_closes_at")
        return {
            "title": data["title"],
            "starts_at": timezone.make_aware(dt.datetime.combine(data["date"], data["start_time"]), tz),
            "ends_at": timezone.make_aware(dt.datetime.combine(data["date"], data["end_time"]), tz),
            "place": data["place"],
            "capacity": data["capacity"],
            "signup_required": data["signup_required"],
            "signup_closes_at": timezone.make_aware(dt.datetime.combine(closes, dt.time(23, 59)), tz) if closes else None,
            "fee_text": data["fee_text"],
            "audience": data["audience"],
            "notes": data["notes"],
        }

    @classmethod
    def initial_for(cls, session) -> dict:
        start = timezone.localtime(session.starts_at)
        return {
            "title": session.title,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": timezone.localtime(session.ends_at).time(),
            "place": session.place_id,
            "capacity": session.capacity,
            "signup_required": session.signup_required,
            "signup_closes_at": timezone.localtime(session.signup_closes_at).date() if session.signup_closes_at else None,
            "fee_text": session.fee_text,
            "audience": session.audience,
            "notes": session.notes,
        }


class ScheduleForm(forms.ModelForm):
    weeks = forms.TypedMultipleChoiceField(
        label=_("第何週（選ばなければ毎週）"),
        choices=[(n, _("第%(n)s") % {"n": n}) for n in range(1, 6)],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RecurringSchedule
        fields = [
            "weekday", "start_time", "end_time", "valid_from", "valid_until", "skip_holidays",
            "place", "capacity", "signup_required", "fee_text",
        ]
        widgets = {
            "start_time": TIME_WIDGET, "end_time": TIME_WIDGET,
            "valid_from": DATE_WIDGET, "valid_until": DATE_WIDGET,
        }

    def __init__(self, *args, organization=None, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weekday"].choices = Weekday.choices
        self.fields["place"].queryset = _places_for(organization, listing)
        self.fields["valid_from"].initial = timezone.localdate()
        if self.instance.pk:
            self.fields["weeks"].initial = self.instance.weeks

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("終了時刻は開始時刻より後にしてください。"))
        begin, until = data.get("valid_from"), data.get("valid_until")
        if begin and until and until < begin:
            self.add_error("valid_until", _("適用終了日は適用開始日より後にしてください。"))
        return data

    def save(self, commit=True):
        self.instance.weeks_of_month = ",".join(str(n) for n in sorted(self.cleaned_data.get("weeks") or []))
        return super().save(commit=commit)


class SessionCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("中止の理由"),
        max_length=200,
        error_messages={"required": _("中止の理由を入力してください。申し込んだ方へのメールに載ります。")},
    )


class ProxySignUpForm(forms.Form):
    """代理申込: staff sign up a resident who has no e-mail, by name and phone."""

    name = forms.CharField(label=_("氏名"), max_length=60, error_messages={"required": _("氏名を入力してください。")})
    phone = forms.CharField(label=_("電話番号"), max_length=20, error_messages={"required": _("電話番号を入力してください。")})
    party_size = forms.IntegerField(label=_("人数"), min_value=1, max_value=10, initial=1)
    note = forms.CharField(label=_("連絡事項（任意）"), max_length=200, required=False)
