"""The admin's translation boxes: one stacked form per language under every listing and organization."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from community.forms.translations import _form_field
from community.i18n.languages import translation_language_codes
from community.models.translations import ListingTranslation, OrganizationTranslation


class OneFormPerLanguage(BaseInlineFormSet):
    """The languages still missing arrive as empty forms, already labelled with their language.

    A POST without the translation boxes at all (an older form, a script) leaves the translations as they were
    instead of failing on the missing management form.
    """

    def __init__(self, *args, **kwargs):
        data = kwargs.get("data")
        prefix = kwargs.get("prefix") or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
            kwargs["data"] = data
        instance = kwargs.get("instance")
        done = set(self.model.objects.filter(**{self.fk_name: instance}).values_list("language", flat=True)) if (
            instance is not None and instance.pk
        ) else set()
        kwargs["initial"] = [{"language": code} for code in translation_language_codes() if code not in done]
        super().__init__(*args, **kwargs)

    @property
    def fk_name(self) -> str:
        return self.fk.name


class TranslationInline(admin.StackedInline):
    extra = 0
    can_delete = True
    verbose_name = _("翻訳（空欄の言語では日本語を表示します）")
    verbose_name_plural = _("翻訳（言語ごと。空欄の言語では日本語を表示し、その旨をお知らせします）")
    formset = OneFormPerLanguage

    def get_extra(self, request, obj=None, **kwargs):
        done = self.model.objects.filter(**{self.fk_field: obj}).count() if obj is not None and obj.pk else 0
        return len(translation_language_codes()) - done

    def get_max_num(self, request, obj=None, **kwargs):
        return len(translation_language_codes())


class ListingTranslationForm(forms.ModelForm):
    """The shared fields as columns; the listing kind's own fields (TRANSLATED_EXTRA_FIELDS) kept in `extra`."""

    extra_fields: tuple[str, ...] = ()
    listing_model = None

    class Meta:
        model = ListingTranslation
        fields = ["language", *ListingTranslation.TEXT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.extra_fields:
            self.fields[name].initial = (self.instance.extra or {}).get(name, "")

    def save(self, commit=True):
        extra = dict(self.instance.extra or {})
        for name in self.extra_fields:
            text = self.cleaned_data.get(name, "").strip()
            if text:
                extra[name] = text
            else:
                extra.pop(name, None)
        self.instance.extra = extra
        return super().save(commit)


class ListingTranslationInline(TranslationInline):
    model = ListingTranslation
    fk_field = "listing"

    def get_formset(self, request, obj=None, **kwargs):
        model = type(obj) if obj is not None else self.parent_model
        extra = tuple(getattr(model, "TRANSLATED_EXTRA_FIELDS", ()))
        declared = {name: _form_field(model, name) for name in extra}
        kwargs["form"] = type(
            "ListingTranslationFormFor" + model.__name__,
            (ListingTranslationForm,),
            {"extra_fields": extra, "listing_model": model, **declared},
        )
        kwargs["fields"] = ["language", *ListingTranslation.TEXT_FIELDS, *extra]
        return super().get_formset(request, obj, **kwargs)


class OrganizationTranslationInline(TranslationInline):
    model = OrganizationTranslation
    fk_field = "organization"
    fields = ["language", *OrganizationTranslation.TEXT_FIELDS]
