"""Every model and field staff see in the admin has a Japanese label (verbose_name), not Django's default."""

import re

from django.apps import apps

PORTAL_APPS = ["community", "volunteers", "cafes", "hiroba", "projects", "international"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _portal_models():
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue  # django-simple-history builds these from the labelled model
            yield model


def test_every_model_has_a_japanese_name():
    missing = [
        f"{m._meta.label}" for m in _portal_models()
        if not JAPANESE.search(str(m._meta.verbose_name)) or not JAPANESE.search(str(m._meta.verbose_name_plural))
    ]
    assert not missing, missing


def test_every_field_has_a_japanese_label():
    missing = []
    for model in _portal_models():
        for field in model._meta.get_fields():
            if field.auto_created or not (getattr(field, "concrete", False) or field.many_to_many):
                continue  # reverse relations, automatic ids and parent pointers
            if not JAPANESE.search(str(field.verbose_name)):
                missing.append(f"{model._meta.label}.{field.name}")
    assert not missing, missing
