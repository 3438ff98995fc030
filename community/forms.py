from django import forms
from django.utils.translation import gettext_lazy as _


class SignUpForm(forms.Form):
    party_size = forms.IntegerField(
        label=_("参加する人数"),
        min_value=1,
        max_value=10,
        initial=1,
        help_text=_("お子さんと一緒に参加する場合は、合計の人数を入力してください。"),
        error_messages={
            "required": _("参加する人数を入力してください。"),
            "min_value": _("人数は1人以上で入力してください。"),
            "max_value": _("一度に申し込めるのは10人までです。"),
            "invalid": _("人数は半角数字で入力してください。"),
        },
    )
    note = forms.CharField(label=_("連絡事項（任意）"), max_length=200, required=False)
