"""Public forms: the finder's questions, the plaza filter and the consultation request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.addresses import find_chome, find_town
from community.forms.honeypot import HoneypotMixin
from community.models import Area
from hiroba.models import Activity, ConsultationRequest, ContactWay, Topic
from hiroba.selectors import Question

# The languages a consultation can be held in, named in plain words (Django's own "English" reads 「英語(米国)」).
LANGUAGE_CHOICES = [
    ("ja", _("日本語")),
    ("en", _("英語")),
    ("zh-hans", _("中国語")),
    ("ko", _("韓国語")),
    ("tl", _("タガログ語")),
]


class FinderForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("1. どんなことを相談したいですか"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("相談したいことを一つ選んでください。")},
    )
    area = forms.ModelChoiceField(
        label=_("2. お住まいの地域"),
        queryset=Area.objects.all(),
        required=False,
        empty_label=_("選ばない"),
        help_text=_("住所を入れた場合は、住所を優先します。"),
    )
    address = forms.CharField(
        label=_("または お住まいの住所（町名と丁目まで）"),
        max_length=100,
        required=False,
        help_text=_("例: 豊玉北5丁目、豊玉北５－３。番地は入れなくてもかまいません。"),
    )
    ways = forms.MultipleChoiceField(
        label=_("3. どのように話したいですか（いくつでも）"),
        choices=ContactWay.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("選ばなければ、すべての方法で探します。"),
    )
    language = forms.ChoiceField(label=_("4. 話したい言語"), choices=LANGUAGE_CHOICES, initial="ja", required=False)

    def clean(self):
        data = super().clean()
        address = data.get("address", "").strip()
        data["chome"] = data["town"] = None
        if address:
            chome = find_chome(address)
            town = chome.town if chome else find_town(address)
            if town is None:
                self.add_error(
                    "address",
                    _("住所から町名を読み取れませんでした。「豊玉北5丁目」のように町名から入れるか、地域を選んでください。"),
                )
            else:
                data["chome"], data["town"] = chome, town
                data["area"] = town.area
        return data

    def question(self) -> Question:
        data = self.cleaned_data
        return Question(
            topic=data["topic"],
            area=data.get("area"),
            town=data.get("town"),
            chome=data.get("chome"),
            ways=frozenset(data.get("ways") or ContactWay.values),
            language=data.get("language") or "ja",
        )


class PlazaFilterForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("地域"), queryset=Area.objects.all(), required=False, empty_label=_("すべての地域")
    )
    activity = forms.ChoiceField(
        label=_("相談・活動の内容"), choices=[("", _("すべて")), *Activity.choices], required=False
    )


class ConsultationRequestForm(HoneypotMixin):
    topic = forms.ChoiceField(
        label=_("相談の分野"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("相談の分野を一つ選んでください。")},
    )
    message = forms.CharField(
        label=_("相談したいこと"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("分かる範囲で、短くてもかまいません（2,000文字まで）。"),
        error_messages={"required": _("相談したいことを書いてください。"),
                        "max_length": _("2,000文字以内で書いてください。")},
    )
    area = forms.ModelChoiceField(
        label=_("お住まいの地域（任意）"), queryset=Area.objects.all(), required=False, empty_label=_("選ばない")
    )
    language = forms.ChoiceField(label=_("話したい言語"), choices=LANGUAGE_CHOICES, initial="ja")
    is_anonymous = forms.BooleanField(
        label=_("名前や連絡先を伝えずに相談する（匿名）"),
        required=False,
        help_text=_("匿名の場合、こちらからは連絡できません。送信後に表示される受付番号を控えて、お電話ください。"),
    )
    contact_method = forms.ChoiceField(
        label=_("希望する連絡方法"),
        choices=[c for c in ConsultationRequest.ContactMethod.choices if c[0] != ConsultationRequest.ContactMethod.NONE],
        widget=forms.RadioSelect,
        required=False,
    )
    preferred_time = forms.CharField(
        label=_("連絡してよい曜日・時間帯（任意）"), max_length=100, required=False,
        help_text=_("例: 平日の午後、土曜の午前"),
    )
    name = forms.CharField(label=_("お名前"), max_length=60, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(label=_("電話番号"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("メールアドレス"), required=False,
                             error_messages={"invalid": _("メールアドレスの形が正しくありません（例: name@example.jp）。")},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(
        label=_("上の「相談内容の取り扱い」を読み、同意します"),
        error_messages={"required": _("送信するには、相談内容の取り扱いへの同意が必要です。")},
    )

    def clean(self):
        data = super().clean()
        if data.get("is_anonymous"):
            return data
        method = data.get("contact_method")
        if not method:
            self.add_error("contact_method", _("連絡方法を選ぶか、匿名で相談するにチェックを入れてください。"))
        if not data.get("name", "").strip():
            self.add_error("name", _("お名前を入れてください（匿名の場合は「匿名で相談する」にチェック）。"))
        if method == ConsultationRequest.ContactMethod.EMAIL and not data.get("email"):
            self.add_error("email", _("メールでの連絡を希望する場合は、メールアドレスを入れてください。"))
        elif method in (ConsultationRequest.ContactMethod.PHONE, ConsultationRequest.ContactMethod.VISIT) and not data.get(
            "phone", ""
        ).strip():
            self.add_error("phone", _("連絡のため、電話番号を入れてください。"))
        return data
