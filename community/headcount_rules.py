"""Which programs count 区内/区外 or age bands in their 参加者数: each app registers its own kinds in
AppConfig.ready() (the kernel never names them), e.g. the ward's Japanese course counts residence because it is
for people who live, work or study in the ward, and care cafés count age bands for 介護予防.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Breakdowns:
    residence: bool = False
    age_bands: bool = False


_RULES: dict[str, Breakdowns] = {}


def count_breakdowns(kind: str, *, residence: bool = False, age_bands: bool = False) -> None:
    """Register what sessions of listing kind `kind` (e.g. "cafes.carecafe") record besides the total."""
    _RULES[kind] = Breakdowns(residence=residence, age_bands=age_bands)


def breakdowns_for(listing) -> Breakdowns:
    return _RULES.get(listing.kind, Breakdowns())
