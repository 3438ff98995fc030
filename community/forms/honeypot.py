"""One honeypot for the forms anyone may send without an account (相談受付, 加入の問い合わせ, 民生委員への連絡)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS and from screen readers); bots that fill every input are refused
    quietly. Render it with {% include "includes/honeypot.html" %}, never with the visible fields."""

    HONEYPOT = "website"

    website = forms.CharField(
        label=_("この欄には何も入力しないでください"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get(self.HONEYPOT, "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.HONEYPOT]
