"""ふりがな: put <ruby> readings over the kanji of Japanese text, on the server.

Readings come first from the portal itself (community/i18n/readings.py: the stored よみがな of towns, areas,
organizations, places and listings, and a small dictionary of local and welfare words), then from pykakasi's
guess, with one rule pykakasi gets wrong everywhere on this site: 方 after の (or after a verb) is a person, かた.

Only text between tags is touched; tags, attributes and the insides of <script>, <style>, <textarea>,
<option>, <title>, existing <ruby> and non-Japanese lang="…" elements stay exactly as they were, so
links, forms and layout keep working. Readings of repeated text are cached, because a list page
repeats the same labels and place names on every row.
"""

import re
from functools import lru_cache

from community.i18n.readings import forget_known_words, known_words
from community.readings import katakana_to_hiragana

KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")
KANJI_RUN_RE = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+)")
TOKEN_RE = re.compile(r"(<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>)", re.S)
TAG_RE = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/)?\s*>", re.S)
LANG_RE = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")
WHITESPACE_RE = re.compile(r"(\s+)")
# Weekday marks such as (水) read as days, not as 「みず」.
WEEKDAY_RE = re.compile(r"([(（])([月火水木金土日])([)）])")
WEEKDAY_READINGS = {"月": "げつ", "火": "か", "水": "すい", "木": "もく", "金": "きん", "土": "ど", "日": "にち"}

# Elements whose text must never change, and the element already carrying readings.
SKIP_ELEMENTS = {"script", "style", "textarea", "option", "title", "ruby", "rt", "rp", "code", "pre", "svg", "math"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}


@lru_cache(maxsize=1)
def _converter():
    import pykakasi

    return pykakasi.kakasi()


def _ruby(base: str, reading: str) -> str:
    return f"<ruby>{base}<rt>{reading}</rt></ruby>"


def align(orig: str, hira: str) -> list[tuple[str, str]] | None:
    """Split a reading over the kanji runs of a word: 問い合わせ/といあわせ → 問:と, い, 合:あ, わせ (None if it
    does not fit, e.g. a reading that leaves out part of the word)."""
    runs = [run for run in KANJI_RUN_RE.split(orig) if run]
    pattern = "".join("(.+?)" if KANJI_RE.match(run) else re.escape(katakana_to_hiragana(run)) for run in runs)
    match = re.fullmatch(pattern, katakana_to_hiragana(hira))
    if not match:
        return None
    readings = iter(match.groups())
    return [(run, next(readings)) if KANJI_RE.match(run) else (run, "") for run in runs]


def _word_with_reading(orig: str, hira: str) -> str:
    """<ruby> over each kanji run only: 問い合わせ → 問(と)い合(あ)わせ, aligning on the kana between them."""
    if not KANJI_RE.search(orig) or not hira or hira == orig:
        return orig
    parts = align(orig, hira)
    if parts is None:
        return _ruby(orig, hira)
    return "".join(_ruby(run, reading) if reading else run for run, reading in parts)


@lru_cache(maxsize=20000)
def _chunk_with_readings(chunk: str) -> str:
    """One whitespace-free run of text; pykakasi mishandles newlines, so it never sees them."""
    parts = []
    last = 0
    for match in WEEKDAY_RE.finditer(chunk):
        parts.append(_plain_with_readings(chunk[last : match.start()]))
        open_, day, close = match.groups()
        parts.append(open_ + _ruby(day, WEEKDAY_READINGS[day]) + close)
        last = match.end()
    parts.append(_plain_with_readings(chunk[last:]))
    return "".join(parts)


def _plain_with_readings(text: str) -> str:
    if not KANJI_RE.search(text):
        return text
    tokens = _tokens(text)
    if "".join(orig for orig, _hira in tokens) != text:
        # The analyser changed the text itself: better no readings than altered content.
        return text
    return "".join(_word_with_reading(orig, hira) for orig, hira in _person_kata(tokens))


def _tokens(text: str) -> list[tuple[str, str]]:
    """(original, reading) pieces: known words with their stored reading, pykakasi for what lies between."""
    tokens: list[tuple[str, str]] = []
    gap_start = 0
    for start, word, reading in known_words().find_all(text):
        tokens += _guessed(text[gap_start:start])
        tokens.append((word, reading))
        gap_start = start + len(word)
    tokens += _guessed(text[gap_start:])
    return tokens


def _guessed(text: str) -> list[tuple[str, str]]:
    if not text:
        return []
    if not KANJI_RE.search(text):
        return [(text, katakana_to_hiragana(text))]
    return [(word["orig"], word["hira"]) for word in _converter().convert(text)]


# 方 read ほう by pykakasi, standing alone after の or after a verb or adjective (お困りの方, 参加したい方へ).
PERSON_BEFORE = ("の", "い", "た", "る", "う", "く", "す", "む", "ぶ", "ぐ", "つ")


def _person_kata(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    fixed = list(tokens)
    for index, (orig, hira) in enumerate(fixed):
        if index and orig.startswith("方") and hira.startswith("ほう") and not KANJI_RE.search(orig[1:]):
            before = fixed[index - 1][0]
            if before.endswith(PERSON_BEFORE) and not KANJI_RE.search(before[-1:]):
                fixed[index] = (orig, "かた" + hira[2:])
    return fixed


@lru_cache(maxsize=20000)
def text_with_readings(text: str) -> str:
    """Readings for one text node (already HTML-escaped text; readings are kana, so nothing to escape)."""
    if not KANJI_RE.search(text):
        return text
    return "".join(
        piece if not piece or piece.isspace() else _chunk_with_readings(piece) for piece in WHITESPACE_RE.split(text)
    )


def _is_foreign_lang(attrs: str) -> bool:
    match = LANG_RE.search(attrs)
    return bool(match) and not match.group(1).lower().startswith("ja")


_readings_seen: list = [None]


def _drop_cache_if_readings_changed() -> None:
    """Cached text used the known words of their time: start afresh when they were read again."""
    words = known_words()
    if _readings_seen[0] is not words:
        text_with_readings.cache_clear()
        _chunk_with_readings.cache_clear()
        _readings_seen[0] = words


# A tag that may open an element left as it is (or a lang="…" on any tag): only those are parsed in full; the
# others (most of a page's tags) need no more than this one search to be passed over.
_SKIP_NAMES = "|".join(sorted(SKIP_ELEMENTS))
MAYBE_SKIP_RE = re.compile(rf"<\s*/?\s*(?:{_SKIP_NAMES})(?![a-zA-Z0-9-])|\blang\s*=", re.I)


def html_with_readings(html: str) -> str:
    """Add readings to every Japanese text node of an HTML document."""
    _drop_cache_if_readings_changed()
    out = []
    skip_tag = None  # the element we are inside of and must leave untouched
    skip_depth = 0
    maybe_skip = MAYBE_SKIP_RE.search
    for token in TOKEN_RE.split(html):
        if not token:
            continue
        if token[0] == "<":
            out.append(token)
            if skip_tag:
                if skip_tag not in token.lower():
                    continue  # another element's tag: it cannot close the one skipped
            elif not maybe_skip(token):
                continue
            tag = TAG_RE.match(token)
            if not tag:
                continue
            closing, name, attrs, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
            if skip_tag:
                if name == skip_tag and name not in VOID_ELEMENTS and not self_closing:
                    skip_depth += -1 if closing else 1
                    if skip_depth == 0:
                        skip_tag = None
                continue
            if closing or self_closing or name in VOID_ELEMENTS:
                continue
            if name in SKIP_ELEMENTS or _is_foreign_lang(attrs):
                skip_tag, skip_depth = name, 1
            continue
        out.append(token if skip_tag else text_with_readings(token))
    return "".join(out)


def clear_cache() -> None:
    """Forget cached readings, and the stored readings with them (they are read again on the next page)."""
    text_with_readings.cache_clear()
    _chunk_with_readings.cache_clear()
    forget_known_words()
