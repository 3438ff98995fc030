"""Words whose reading the portal already knows, for ふりがな before pykakasi guesses.

Three sources, in this order of precedence: the stored よみがな of towns and areas (the ward's own table),
the dictionary of local and welfare words (community/data/furigana_words.tsv), and the stored よみがな of
organizations, places and listings. A stored reading is used only when it fits the name (its kana between
the kanji appear in the reading); a trailing （デモ） or a reading that leaves out part of a name is not
guessed at. The database words are read again after READ_AGAIN_SECONDS, so a corrected よみがな shows soon.
"""

import re
import time
from pathlib import Path

DICTIONARY = Path(__file__).resolve().parent.parent / "data" / "furigana_words.tsv"
READ_AGAIN_SECONDS = 300
TRAILING_NOTE_RE = re.compile(r"[（(][^（）()]*[）)]$")
KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")


class KnownWords:
    """Longest-first lookup of known words in a text."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[str, str]] = {}
        self.loaded_at = time.monotonic()

    def add(self, word: str, reading: str) -> bool:
        """Keep word → reading if it fits; an earlier source keeps its word."""
        from community.i18n.furigana import align
        from community.readings import katakana_to_hiragana

        word, reading = word.strip(), katakana_to_hiragana(reading.strip())
        if not word or not reading or not KANJI_RE.search(word) or KANJI_RE.search(reading):
            return False
        if align(word, reading) is None:
            return False
        self._by_first.setdefault(word[0], {}).setdefault(word, reading)
        return True

    def add_name(self, name: str, reading: str) -> None:
        """A stored name: whole, without a trailing （デモ）, or word by word when both have the same spaces."""
        name, reading = (name or "").strip(), (reading or "").strip()
        if self.add(name, reading) or self.add(TRAILING_NOTE_RE.sub("", name).strip(), reading):
            return
        words, readings = name.split(), reading.split()
        if len(words) > 1 and len(words) == len(readings):
            for word, word_reading in zip(words, readings, strict=True):
                self.add(word, word_reading) or self.add(TRAILING_NOTE_RE.sub("", word), word_reading)

    def reading_of(self, word: str) -> str | None:
        return self._by_first.get(word[:1], {}).get(word)

    def find_all(self, text: str):
        """Yield (start, word, reading) for known words, longest match first, left to right."""
        index = 0
        while index < len(text):
            candidates = self._by_first.get(text[index])
            if candidates:
                for word in sorted(candidates, key=len, reverse=True):
                    if text.startswith(word, index):
                        yield index, word, candidates[word]
                        index += len(word)
                        break
                else:
                    index += 1
            else:
                index += 1

    def __len__(self) -> int:
        return sum(len(words) for words in self._by_first.values())


def dictionary_entries() -> list[tuple[str, str]]:
    entries = []
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, reading = line.split("\t")
            entries.append((word, reading))
    return entries


def _load() -> KnownWords:
    from django.db import DatabaseError

    from community.models import Area, Listing, Organization, Place, Town

    words = KnownWords()
    try:
        for name, reading in [*Town.objects.values_list("name", "name_kana"), *Area.objects.values_list("name", "name_kana")]:
            words.add(name, reading)
        for word, reading in dictionary_entries():
            words.add(word, reading)
        names = [
            *Organization.objects.values_list("name", "name_kana"),
            *Place.objects.exclude(name_kana="").values_list("name", "name_kana"),
            *Listing.objects.published().values_list("title", "title_kana"),
        ]
    except DatabaseError:  # no tables yet (a fresh checkout): the dictionary alone
        names = []
        for word, reading in dictionary_entries():
            words.add(word, reading)
    for name, reading in names:
        words.add_name(name, reading)
    return words


_known: KnownWords | None = None


def known_words() -> KnownWords:
    global _known
    if _known is None or time.monotonic() - _known.loaded_at > READ_AGAIN_SECONDS:
        _known = _load()
    return _known


def forget_known_words() -> None:
    global _known
    _known = None
