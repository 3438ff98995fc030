"""The volunteer's 活動時間 report: which activity, which day, how long."""

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteers.services.hours import activities_for

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def activity_key(organization, opening) -> str:
    return f"{organization.pk}:{opening.pk if opening else ''}"


class HoursForm(forms.Form):
    activity = forms.ChoiceField(label=_("活動"), error_messages={"required": _("活動を選んでください。")})
    activity_on = forms.DateField(
        label=_("活動した日"), widget=DATE_WIDGET,
        error_messages={"required": _("活動した日を入力してください。"), "invalid": _("日付を正しく入力してください（例: 2026-12-02）。")},
    )
    hours = forms.DecimalField(
        label=_("活動時間（時間）"), min_value=0.5, max_value=24, decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        help_text=_("0.5時間きざみで入力します（例: 1時間半なら 1.5）。"),
        error_messages={
            "required": _("活動時間を入力してください。"), "invalid": _("時間は数字で入力してください（例: 1.5）。"),
            "min_value": _("0.5時間きざみで、24時間までの時間を入力してください。"),
            "max_value": _("0.5時間きざみで、24時間までの時間を入力してください。"),
            "max_decimal_places": _("0.5時間きざみで、24時間までの時間を入力してください。"),
        },
    )
    note = forms.CharField(label=_("ひとこと（任意）"), max_length=200, required=False,
                           help_text=_("団体が確認するときの手がかりになります（例: 午前の配膳）。"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = {activity_key(org, opening): (org, opening) for org, opening in activities_for(user)}
        self.fields["activity"].choices = [("", _("選んでください"))] + [
            (key, f"{org.name}：{opening.title}" if opening else org.name) for key, (org, opening) in self.activities.items()
        ]

    def chosen(self):
        return self.activities[self.cleaned_data["activity"]]
