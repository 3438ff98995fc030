"""Readings for the index: kanji in titles, descriptions, places and town names also stored in hiragana,
so that 「ぼうさい」 finds 防災. The engine is pykakasi, the same one that writes the ふりがな of pages."""

import re
from functools import lru_cache

KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")


@lru_cache(maxsize=1)
def _converter():
    import pykakasi

    return pykakasi.kakasi()


@lru_cache(maxsize=20000)
def _reading(text: str) -> str:
    return "".join(item["hira"] for item in _converter().convert(text))


def reading(text: str) -> str:
    """Hiragana of the text's kanji words (only when it has kanji: kana and Latin already match as they are)."""
    if not text or not KANJI_RE.search(text):
        return ""
    return " ".join(_reading(chunk) for chunk in text.split() if KANJI_RE.search(chunk))
