"""Per-field translations of what happens at a café (django-modeltranslation); Japanese is the fallback."""

from modeltranslation.translator import TranslationOptions, register

from cafes.models import Activity


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("name",)
