"""Per-field translations of the grant programme's categories and stages; Japanese is the fallback."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Category, Stage


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Stage)
class StageTranslation(TranslationOptions):
    fields = ("name",)
