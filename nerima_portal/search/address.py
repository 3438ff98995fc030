"""An address typed into search (「石神井町3-5-1」) is answered as a place: what covers that 丁目 (the
地域包括支援センター, the 民生・児童委員 district) and the care cafés nearest to it."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from cafes.queries import nearest_care_cafes
from community.geo import Origin, locate
from hiroba.queries import support_center_for_chome
from volunteers.queries import district_for_chome

# An address names a 丁目 or a 番地: digits (any width) or 丁目 after the town.
ADDRESS_HINT = re.compile(r"[0-9０-９〇一二三四五六七八九]\s*(丁目|[-－‐ー−番]|$)")


@dataclass
class AddressAnswer:
    origin: Origin
    cafes: list = field(default_factory=list)
    support_center: object = None
    district: object = None

    @property
    def finder_url(self) -> str:
        return reverse("hiroba:finder") + "?" + urlencode({"topic": "elderly", "address": self.origin.label})

    @property
    def cafes_url(self) -> str:
        return reverse("cafes:index") + "?" + urlencode({"near": self.origin.label})


def address_answer(query: str) -> AddressAnswer | None:
    """None unless the query reads as an address in the ward down to its 丁目."""
    if not ADDRESS_HINT.search(query or ""):
        return None
    origin = locate(query)
    if origin is None or origin.chome is None:
        return None
    return AddressAnswer(
        origin=origin,
        cafes=nearest_care_cafes(origin),
        support_center=support_center_for_chome(origin.chome),
        district=district_for_chome(origin.chome),
    )
