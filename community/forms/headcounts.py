"""The organizer's 参加者数 form: walk-ins, who of the sign-ups came, and the breakdowns the program asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.models.headcounts import AGE_FIELDS, RESIDENCE_FIELDS, breakdowns_for

NUMBER_WIDGET = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "class": "input--short"})


def _count_field(label, *, required=True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=0, max_value=9999, required=required, widget=NUMBER_WIDGET,
        error_messages={
            "required": _("人数を入力してください（いなければ0）。"),
            "invalid": _("人数は半角の数字で入力してください。"),
            "min_value": _("0以上の人数を入力してください。"),
            "max_value": _("9999人以下で入力してください。"),
        },
    )


class HeadcountForm(forms.Form):
    walk_ins = _count_field(_("申込なしで来た人数"))
    checked_in = forms.MultipleChoiceField(
        label=_("来た申込者（チェックを付けてください）"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, session, signups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["walk_ins"].help_text = _("当日ふらっと来た方など、申込をしていない方の人数です。")
        self.fields["checked_in"].choices = [
            (
                str(signup.pk),
                ngettext("%(name)s さん（%(n)s人）", "%(name)s さん（%(n)s人）", signup.party_size)
                % {"name": signup.name, "n": signup.party_size},
            )
            for signup in signups
        ]
        if not signups:
            del self.fields["checked_in"]
        wanted = breakdowns_for(session.listing)
        if wanted.residence:
            for name, label in RESIDENCE_FIELDS.items():
                self.fields[name] = _count_field(label)
        if wanted.age_bands:
            for name, label in AGE_FIELDS.items():
                self.fields[name] = _count_field(label)

    def breakdown(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in (*RESIDENCE_FIELDS, *AGE_FIELDS) if name in self.fields}
