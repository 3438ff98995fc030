"""Read a typed Nerima address and find its 町丁目: 「練馬区豊玉北５－３」「豊玉北5丁目」「とよたまきた5」 all work."""

import re
import unicodedata

from community.models import Chome, Town

_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
_DASHES = "－‐‑‒–—―ー−-"


def normalize(text: str) -> str:
    """NFKC (full-width → half-width), drop spaces and the ward/prefecture prefix."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"^(〒?\d{3}-?\d{4})", "", text)
    for prefix in ("東京都", "練馬区"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text


def _chome_number(rest: str) -> int | None:
    rest = rest.lstrip("".join(_DASHES))
    match = re.match(r"([0-9〇一二三四五六七八九]+)(丁目|[" + re.escape(_DASHES) + r"]|番|$)", rest)
    if not match:
        return None
    digits = match.group(1).translate(_KANJI_DIGITS)
    return int(digits) if digits.isdigit() else None


def find_chome(text: str) -> Chome | None:
    """The 町丁目 an address lies in, or None when the town or 丁目 cannot be read."""
    address = normalize(text)
    if not address:
        return None
    # Longest name first so that 大泉学園町 wins over 大泉町, 石神井台 over 石神井町.
    towns = sorted(Town.objects.only("id", "name", "name_kana"), key=lambda t: -len(t.name))
    for town in towns:
        for written in (town.name, town.name_kana):
            if written and address.startswith(written):
                rest = address[len(written) :]
                chomes = Chome.objects.select_related("town__area").filter(town=town)
                whole_town = chomes.filter(number=0).first()
                if whole_town:  # a town without 丁目: what follows is the 番地
                    return whole_town
                number = _chome_number(rest)
                if number is None:
                    only = list(chomes[:2])
                    return only[0] if len(only) == 1 else None
                return chomes.filter(number=number).first()
    return None


def find_town(text: str) -> Town | None:
    address = normalize(text)
    for town in sorted(Town.objects.select_related("area"), key=lambda t: -len(t.name)):
        if address.startswith(town.name) or (town.name_kana and address.startswith(town.name_kana)):
            return town
    return None
