"""Town names in Latin letters, made from the readings the portal stores (豊玉北 → とよたまきた → Toyotamakita).

Modified Hepburn as on the ward's street signs, without macrons: long vowels written once (おお, おう → o;
うう → u), so 大泉学園町 reads Oizumigakuencho, 向山 Koyama.
"""

import re
from functools import lru_cache

from community.readings import katakana_to_hiragana

LONG_VOWELS = [(re.compile(r"ou"), "o"), (re.compile(r"oo"), "o"), (re.compile(r"uu"), "u")]


@lru_cache(maxsize=2048)
def romanize(reading: str) -> str:
    """Hiragana (or katakana) to capitalized Hepburn; "" for an empty reading."""
    from community.i18n.furigana import _converter

    reading = katakana_to_hiragana(reading or "").strip()
    if not reading:
        return ""
    latin = "".join(token["hepburn"] for token in _converter().convert(reading))
    for pattern, replacement in LONG_VOWELS:
        latin = pattern.sub(replacement, latin)
    return latin[:1].upper() + latin[1:]


# Direction words the signs set apart: 豊玉北 Toyotama-kita, 東大泉 Higashi-oizumi (never 北町 or 田中 alone).
PREFIXES = {"北": "きた", "南": "みなみ", "東": "ひがし", "西": "にし", "上": "かみ", "下": "しも"}
SUFFIXES = {"北": "きた", "南": "みなみ", "東": "ひがし", "西": "にし", "中": "なか", "上": "かみ"}


def romanize_town(name: str, reading: str) -> str:
    """A town name from its stored reading, with a hyphen after a leading or before a trailing direction word."""
    reading = katakana_to_hiragana(reading or "")
    head = tail = ""
    if len(name) > 2 and name[0] in PREFIXES and reading.startswith(PREFIXES[name[0]]):
        head, name, reading = PREFIXES[name[0]], name[1:], reading[len(PREFIXES[name[0]]) :]
    if len(name) > 2 and name[-1] in SUFFIXES and reading.endswith(SUFFIXES[name[-1]]):
        reading, tail = reading[: -len(SUFFIXES[name[-1]])], SUFFIXES[name[-1]]
    parts = [romanize(part) for part in (head, reading, tail) if part]
    return "-".join([parts[0], *(part.lower() for part in parts[1:])]) if parts else ""
