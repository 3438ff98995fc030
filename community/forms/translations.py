"""One box per language for a listing's or an organization's texts (マイ団体 and the admin)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.i18n.content import translation_row
from community.i18n.languages import translation_languages
from community.services.translations import translatable_fields


def _form_field(model, name: str) -> forms.Field:
    """The same label and length as the Japanese field, never required (an empty box means "not translated")."""
    source = model._meta.get_field(name)
    if isinstance(source, models.TextField):
        return forms.CharField(label=source.verbose_name, required=False, widget=forms.Textarea(attrs={"rows": 4}))
    return forms.CharField(label=source.verbose_name, required=False, max_length=source.max_length)


class TranslationForm(forms.Form):
    """The translatable texts of obj in one language; inputs carry lang so spelling and voices follow it."""

    def __init__(self, *args, obj, language: str, language_name: str, **kwargs):
        self.obj, self.language, self.language_name = obj, language, language_name
        super().__init__(*args, prefix=f"tr-{language}", **kwargs)
        row = translation_row(obj, language) if obj.pk else None
        for name in translatable_fields(obj):
            field = _form_field(type(obj), name)
            field.widget.attrs["lang"] = language
            self.fields[name] = field
            if row is not None:
                self.fields[name].initial = getattr(row, name, None) if name in row.TEXT_FIELDS else row.extra.get(name, "")

    @property
    def legend(self) -> str:
        return self.language_name


def translation_forms(obj, data=None) -> list[TranslationForm]:
    return [
        TranslationForm(data, obj=obj, language=code, language_name=name) for code, name in translation_languages()
    ]


TRANSLATIONS_HELP = _(
    "日本語のほかの言語で読む人のための文です。空欄の言語では日本語がそのまま表示され、"
    "「この内容は日本語のみです」とお知らせします。やさしい日本語は、短い文で書いてください。"
)
