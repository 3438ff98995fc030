"""The sign-up form for guests: no account, a name and a phone number and/or an e-mail address."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms.honeypot import HoneypotMixin
from community.forms.organizations import SignUpForm
from community.services.guest_signups import normalize_phone


class GuestSignUpForm(HoneypotMixin, SignUpForm):
    name = forms.CharField(
        label=_("お名前"), max_length=60, error_messages={"required": _("お名前を入力してください。")}
    )
    phone = forms.CharField(
        label=_("電話番号"),
        max_length=20,
        required=False,
        help_text=_("メールをお使いでない方は電話番号だけでかまいません。例: 03-1234-5678"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("メールアドレス"),
        required=False,
        help_text=_("入れた場合は、確認のメールのリンクを開くと申込が完了します。"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("メールアドレスの形が正しくありません（例: hanako@example.jp）。")},
    )

    field_order = ["name", "phone", "email", "party_size", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = normalize_phone(phone)
        if phone and not (digits.startswith("0") and 10 <= len(digits) <= 11):
            raise forms.ValidationError(_("電話番号は0から始まる10けたか11けたで入力してください（例: 03-1234-5678）。"))
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors and "email" not in self.errors:
            self.add_error("phone", _("電話番号かメールアドレスのどちらかを入力してください。"))
        return data
