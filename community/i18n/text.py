"""What script a text is in: Japanese kana and kanji, as the language marks and the checks need to know."""

import re

from django.utils.functional import lazy
from django.utils.translation import pgettext

KANA_RE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")


def has_japanese(text: str) -> bool:
    return bool(KANA_RE.search(text) or KANJI_RE.search(text))


def _formatted(message, values: dict) -> str:
    return str(message) % values


_lazy_formatted = lazy(_formatted, str)


def lazy_format(message, **values):
    """A translatable pattern filled in when it is shown, not when the module is imported:
    lazy_format(gettext_lazy("%(n)s丁目"), n=3) reads 3丁目, 3-chōme or ika-3 na chōme in the reader's language."""
    return _lazy_formatted(message, values)


def list_separator() -> str:
    """・ in Japanese, a comma elsewhere."""
    return pgettext("list separator", "・")


def join_list(items) -> str:
    return list_separator().join(str(item) for item in items)
