"""What script a text is in: Japanese kana and kanji, as the language marks and the checks need to know."""

import re

KANA_RE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")


def has_japanese(text: str) -> bool:
    return bool(KANA_RE.search(text) or KANJI_RE.search(text))
