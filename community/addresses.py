"""Read a typed Nerima address and find its 町丁目: 「練馬区豊玉北５－３」「豊玉北5丁目」「とよたまきた5」 all work.

Each process keeps the ward's address table (every 町名, its reading and its 丁目 numbers) and reads a typed address
against it; only the 町丁目 found is read from the database. Towns and 丁目 change by migration or staff edit only:
both move the address version in the shared cache (signals and post_migrate, community/apps.py), and a process
whose table was built at another version builds it again.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from community.content_version import CacheVersion
from community.models import Chome, Town

logger = logging.getLogger("nerima.addresses")
VERSION_KEY = "portal:address-version"
VERSION = CacheVersion(VERSION_KEY)

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


@dataclass
class _Town:
    name: str
    name_kana: str
    pk: int
    chomes: dict[int, int] = field(default_factory=dict)  # 丁目 number (0: a town without 丁目) → Chome id


@dataclass(frozen=True)
class _Table:
    version: object
    towns: tuple[_Town, ...]  # longest name first, so that 大泉学園町 wins over 大泉町, 石神井台 over 石神井町

    def town_of(self, address: str) -> tuple[_Town, str] | None:
        """The town the address starts with and the rest of the address after its name."""
        for town in self.towns:
            for written in (town.name, town.name_kana):
                if written and address.startswith(written):
                    return town, address[len(written) :]
        return None


_table: _Table | None = None


def _version():
    """The address version now; None when the cache cannot be reached."""
    try:
        return VERSION.current()
    except Exception:
        logger.exception("address version unavailable: the address table is read from the database")
        return None


def _load_table(version) -> _Table:
    towns: dict[int, _Town] = {}
    # One query: every town (in its reading order) with its 丁目, a town without any 丁目 row included.
    rows = Town.objects.order_by("name_kana", "pk", "chomes__number").values_list(
        "pk", "name", "name_kana", "chomes__number", "chomes__pk"
    )
    for pk, name, name_kana, number, chome_pk in rows:
        town = towns.setdefault(pk, _Town(name, name_kana, pk))
        if chome_pk is not None:
            town.chomes[number] = chome_pk
    return _Table(version, tuple(sorted(towns.values(), key=lambda town: -len(town.name))))


def address_table() -> _Table:
    """This process's address table, built again when towns or 丁目 have changed since it was built."""
    global _table
    version = _version()
    if version is None:
        return _load_table(None)
    if _table is None or _table.version != version:
        _table = _load_table(version)
    return _table


def addresses_changed(**_signal) -> None:
    """A town or 丁目 was saved or deleted, or a migration ran: every process builds its address table again."""
    VERSION.changed()


def _chome_id(town: _Town, rest: str) -> int | None:
    if 0 in town.chomes:  # a town without 丁目: what follows is the 番地
        return town.chomes[0]
    number = _chome_number(rest)
    if number is None:
        return next(iter(town.chomes.values())) if len(town.chomes) == 1 else None
    return town.chomes.get(number)


def find_chome(text: str) -> Chome | None:
    """The 町丁目 an address lies in, or None when the town or 丁目 cannot be read."""
    address = normalize(text)
    if not address:
        return None
    found = address_table().town_of(address)
    if found is None:
        return None
    pk = _chome_id(*found)
    return None if pk is None else Chome.objects.select_related("town__area").filter(pk=pk).first()


def find_town(text: str) -> Town | None:
    found = address_table().town_of(normalize(text))
    return None if found is None else Town.objects.select_related("area").filter(pk=found[0].pk).first()
