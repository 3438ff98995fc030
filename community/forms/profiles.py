"""The resident's profile form: 町名 grouped by 地域 plus a 丁目 choice, validated together (no JavaScript needed)."""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from community.models import Chome, Town
from community.models.users import Interest
from community.services.profiles import clean_reading

# Codes shared with the apps that list services by language (international.SupportLanguage, hiroba).
SPOKEN_LANGUAGES = [
    ("ja", _("日本語")),
    ("ja-easy", _("やさしい日本語")),
    ("en", _("英語（English）")),
    ("zh-hans", _("中国語（中文）")),
    ("ko", _("韓国語（한국어）")),
    ("tl", _("タガログ語（Tagalog）")),
    ("vi", _("ベトナム語（Tiếng Việt）")),
    ("ne", _("ネパール語")),
    ("my", _("ミャンマー語")),
    ("pt", _("ポルトガル語（Português）")),
    ("es", _("スペイン語（Español）")),
    ("jsl", _("日本手話")),
]
MAX_CHOME = 9
CHOME_CHOICES = [("", _("選んでください（丁目がない町は空欄）"))] + [
    (str(n), _("%(n)s丁目") % {"n": n}) for n in range(1, MAX_CHOME + 1)
]

phone_validator = RegexValidator(
    r"^[0-9０-９\-ー－()（）\s]{10,20}$",
    _("電話番号は、市外局番からハイフン付きで入力してください（例：03-3993-1111）。"),
)


def town_choices() -> list:
    """町名 grouped by 地域, one query."""
    groups: dict[str, list] = {}
    towns = Town.objects.select_related("area").order_by("area__sort_order", "name_kana")
    for town in towns:
        label = _("%(area)s地域") % {"area": town.area.name}
        groups.setdefault(str(label), []).append((str(town.pk), town.name))
    return [("", _("選んでください"))] + list(groups.items())


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("氏名"),
        max_length=60,
        error_messages={"required": _("氏名を入力してください。"), "max_length": _("氏名は60文字以内で入力してください。")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    full_name_kana = forms.CharField(
        label=_("よみがな"),
        max_length=120,
        required=False,
        help_text=_("ひらがなで入力してください（例：ねりま はなこ）。カタカナで入力しても、ひらがなに直して保存します。"),
        error_messages={"max_length": _("よみがなは120文字以内で入力してください。")},
    )
    phone = forms.CharField(
        label=_("電話番号"),
        required=False,
        max_length=20,
        validators=[phone_validator],
        help_text=_("講座などに申し込んだとき、主催者から連絡する場合に使います。"),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    town = forms.ChoiceField(
        label=_("お住まいの町名"),
        required=False,
        help_text=_("地域ごとに町名が並んでいます。区外にお住まいの方は空欄のままにしてください。"),
        error_messages={"invalid_choice": _("一覧にある町名から選んでください。")},
    )
    chome_number = forms.ChoiceField(
        label=_("丁目"),
        required=False,
        choices=CHOME_CHOICES,
        error_messages={"invalid_choice": _("一覧にある丁目から選んでください。")},
    )
    languages = forms.MultipleChoiceField(
        label=_("話せる言語"),
        required=False,
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("選べない言語が含まれています。")},
    )
    interests = forms.MultipleChoiceField(
        label=_("関心のある分野"),
        required=False,
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("選んだ分野の活動や講座をおすすめします。"),
        error_messages={"invalid_choice": _("選べない分野が含まれています。")},
    )
    preferred_language = forms.ChoiceField(
        label=_("画面の表示言語"),
        choices=[(code, name) for code, name in settings.LANGUAGE_NAMES_LOCAL.items()],
        widget=forms.RadioSelect,
        error_messages={"required": _("表示言語を選んでください。"), "invalid_choice": _("選べない言語です。")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = town_choices()

    @classmethod
    def initial_for(cls, user) -> dict:
        chome = user.chome
        return {
            "full_name": user.full_name,
            "full_name_kana": user.full_name_kana,
            "phone": user.phone,
            "town": str(chome.town_id) if chome else "",
            "chome_number": str(chome.number) if chome and chome.number else "",
            "languages": user.languages,
            "interests": user.interests,
            "preferred_language": user.preferred_language,
        }

    def clean_full_name_kana(self) -> str:
        return clean_reading(self.cleaned_data["full_name_kana"])

    def clean(self):
        cleaned = super().clean()
        cleaned["chome"] = self._chome(cleaned.get("town"), cleaned.get("chome_number"))
        return cleaned

    def _chome(self, town_id: str | None, number: str | None) -> Chome | None:
        """The 町名 and 丁目 are checked together: 豊玉北 has 1〜6丁目, 旭町 has none."""
        if not town_id:
            if number:
                self.add_error("town", _("丁目を選んだときは、町名も選んでください。"))
            return None
        chomes = {c.number: c for c in Chome.objects.filter(town_id=town_id).select_related("town")}
        if not chomes:
            return None
        town_name = next(iter(chomes.values())).town.name
        numbers = sorted(n for n in chomes if n)
        if not numbers:
            if number:
                self.add_error(
                    "chome_number",
                    _("%(town)sには丁目がありません。「丁目」は空欄にしてください。") % {"town": town_name},
                )
                return None
            return chomes[0]
        if not number:
            self.add_error(
                "chome_number",
                _("丁目を選んでください（%(town)sは1〜%(max)s丁目です）。") % {"town": town_name, "max": numbers[-1]},
            )
            return None
        chome = chomes.get(int(number))
        if chome is None or chome.number == 0:
            self.add_error(
                "chome_number",
                _("%(town)sに%(n)s丁目はありません。1〜%(max)s丁目から選んでください。")
                % {"town": town_name, "n": number, "max": numbers[-1]},
            )
        return chome

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "full_name_kana": data["full_name_kana"],
            "phone": data["phone"],
            "chome": data["chome"],
            "languages": data["languages"],
            "interests": data["interests"],
            "preferred_language": data["preferred_language"],
        }
