"""The six reading languages and how each is addressed.

Japanese is the original of every text and has no URL prefix. やさしい日本語 (easy Japanese, as the
出入国在留管理庁・文化庁 guidelines of 2020 describe it) is a language of its own for Django: its own catalog
(locale/ja_X-easy), its own URL prefix /easy/, and ふりがな on unless the reader turns them off. Its code is
the BCP 47 private-use tag `ja-x-easy`, so `<html lang>` stays valid and still says "Japanese" to browsers and
screen readers.
"""

from django.conf import settings

ORIGINAL = "ja"
EASY = "ja-x-easy"
JAPANESE = frozenset({ORIGINAL, EASY})

# The URL prefix of each language other than the original (/en/…, /easy/…); Japanese is unprefixed.
URL_PREFIXES = {EASY: "easy"}


def url_prefix(code: str) -> str:
    return URL_PREFIXES.get(code, code)


def language_for_prefix(prefix: str) -> str | None:
    """The language whose URL starts with /prefix/, or None (the original has no prefix)."""
    for code, _name in settings.LANGUAGES:
        if code != ORIGINAL and url_prefix(code) == prefix:
            return code
    return None


def is_japanese(code: str | None) -> bool:
    """Pages in these languages are read as Japanese: no lang="ja" marks, no 「日本語のみ」 notice."""
    return (code or ORIGINAL) in JAPANESE


def translation_languages() -> list[tuple[str, str]]:
    """Languages a listing or an organization can be translated into (every one but the original)."""
    return [(code, settings.LANGUAGE_NAMES_LOCAL[code]) for code, _name in settings.LANGUAGES if code != ORIGINAL]


def translation_language_codes() -> list[str]:
    return [code for code, _name in translation_languages()]


def language_choices() -> list[tuple[str, str]]:
    """Every reading language, for a person's 表示言語 or the language they want to be contacted in."""
    return list(settings.LANGUAGES)
