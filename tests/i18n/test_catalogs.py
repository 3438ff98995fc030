"""Every catalog is complete: no untranslated or fuzzy message, placeholders kept, right plural rule."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = {
    "en": "nplurals=2; plural=(n != 1);",
    "zh_Hans": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "tl": "nplurals=2; plural=(n > 1);",
}
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]+\)[sdif]|\{\{\s*\w+\s*\}\}")


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_message(language):
    po = catalog(language)
    missing = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert not missing, f"{len(missing)} messages to translate in {language}, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", [*LANGUAGES, "ja_X-easy"])
def test_catalog_header_has_the_plural_rule_of_the_language(language):
    # やさしい日本語 counts like Japanese; its catalog covers the key pages (test_easy_japanese.py), not all.
    assert catalog(language).metadata["Plural-Forms"] == {**LANGUAGES, "ja_X-easy": "nplurals=1; plural=0;"}[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    broken = []
    for entry in catalog(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != expected and not entry.msgid_plural:
                broken.append((entry.msgid, form))
    assert not broken, broken[:5]


def test_tagalog_catalog_covers_allauth_account_pages():
    """allauth ships no Tagalog: our catalog carries its login/sign-up/verification/password strings."""
    msgids = {entry.msgid for entry in catalog("tl")}
    for needed in ("Sign In", "Sign Up", "Password", "Remember Me", "Verify Your Email Address", "Reset My Password"):
        assert needed in msgids, needed
