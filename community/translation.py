"""Per-field translations of the kernel's shared vocabulary (django-modeltranslation); Japanese is the fallback."""

from modeltranslation.translator import TranslationOptions, register

from community.models import Area


@register(Area)
class AreaTranslation(TranslationOptions):
    fields = ("name",)
