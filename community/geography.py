"""Load the four welfare areas, 46 町名 and their 丁目 from community/data/towns.csv.

Which 町 belongs to which welfare area is not published; the ward's four regions are the starting
mapping (練馬≈南東, 光が丘≈北東, 石神井≈南西, 大泉≈北西). Staff correct it in the admin.
"""

import csv
from decimal import Decimal
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "towns.csv"
# One representative point per 町丁目 (出典: 国土交通省 位置参照情報, via the japanese-addresses data set).
POINTS_FILE = Path(__file__).resolve().parent / "data" / "chome_points.csv"
POINTS_CREDIT = "出典: 国土交通省「位置参照情報」（丁目の代表点）"
_KANJI_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

AREAS = [
    # name, reading, slug, region of the ward's 4-region grouping
    ("練馬", "ねりま", "nerima", "南東"),
    ("光が丘", "ひかりがおか", "hikarigaoka", "北東"),
    ("石神井", "しゃくじい", "shakujii", "南西"),
    ("大泉", "おおいずみ", "oizumi", "北西"),
]


def load_geography(Area, Town, Chome) -> None:
    """Idempotent: creates what is missing, never moves a town staff have re-assigned."""
    by_region = {}
    for order, (name, kana, slug, region) in enumerate(AREAS, start=1):
        area, _ = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_kana": kana, "sort_order": order}
        )
        by_region[region] = area
    with DATA_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            town, _ = Town.objects.get_or_create(
                name=row["town"],
                defaults={
                    "name_kana": row["town_hiragana"],
                    "postal_code": row["postal_code"],
                    "area": by_region[row["region"]],
                },
            )
            count = int(row["chome_count"] or 0)
            numbers = range(1, count + 1) if count else [0]
            existing = set(Chome.objects.filter(town=town).values_list("number", flat=True))
            Chome.objects.bulk_create([Chome(town=town, number=n) for n in numbers if n not in existing])
    # Migration 0002 runs this with the historical Chome, before 0007 gave it a point.
    if any(field.name == "latitude" for field in Chome._meta.fields):
        load_chome_points(Town, Chome)


def _kanji_number(text: str) -> int:
    """「十二」→12, 「七」→7: the 丁目 numbers of Nerima stay below 20."""
    if text.startswith("十"):
        return 10 + _KANJI_NUMBERS.get(text[1:], 0)
    return _KANJI_NUMBERS[text]


def parse_town_chome(label: str) -> tuple[str, int]:
    """「三原台一丁目」→ ("三原台", 1); a town without 丁目 (「栄町」) → ("栄町", 0)."""
    if label.endswith("丁目"):
        head = label[: -len("丁目")]
        digits = ""
        while head and head[-1] in _KANJI_NUMBERS:
            digits = head[-1] + digits
            head = head[:-1]
        return head, _kanji_number(digits)
    return label, 0


def load_chome_points(Town, Chome) -> None:
    """Give each 丁目 its representative point; a point staff have corrected is left as it is."""
    towns = {town.name: town.pk for town in Town.objects.all()}
    with POINTS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name, number = parse_town_chome(row["town_chome"])
            if name in towns:
                Chome.objects.filter(town_id=towns[name], number=number, latitude__isnull=True).update(
                    latitude=Decimal(row["lat"]), longitude=Decimal(row["lng"])
                )


# The ward's desk each area falls back to. Only the ward office's main number and address are published in
# /work/shared/data (organizations.csv, high confidence); its hours are not, so they stay blank until staff
# confirm them. Staff replace an area's desk in the admin when its own office's number is confirmed.
WARD_DESK = {
    "desk_name": "練馬区役所（代表電話）",
    "desk_phone": "03-3993-1111",
    "desk_address": "東京都練馬区豊玉北6丁目12番1号",
}


def load_area_desks(Area) -> None:
    """Give every area without a desk the ward office as its desk (idempotent; staff edits are kept)."""
    Area.objects.filter(desk_phone="").update(**WARD_DESK)
