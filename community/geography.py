"""Load the four welfare areas, 46 町名 and their 丁目 from community/data/towns.csv.

Which 町 belongs to which welfare area is not published; the ward's four regions are the starting
mapping (練馬≈南東, 光が丘≈北東, 石神井≈南西, 大泉≈北西). Staff correct it in the admin.
"""

import csv
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "towns.csv"
# One representative point per 丁目 (国土交通省「位置参照情報」 via geolonia/japanese-addresses): not a boundary.
POINTS_FILE = Path(__file__).resolve().parent / "data" / "chome_points.csv"
KANJI_DIGITS = "一二三四五六七八九"

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
    # The 0002 migration's Chome has no point yet; 0007 adds the columns and loads them.
    if any(field.name == "latitude" for field in Chome._meta.get_fields()):
        load_points(Chome)


def kanji_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (the way 丁目 are written in the points file)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else KANJI_DIGITS[tens - 1] + "十")) + (KANJI_DIGITS[ones - 1] if ones else "")


def load_points(Chome) -> int:
    """Fill each 丁目's representative point where it is still empty; returns how many were filled."""
    with POINTS_FILE.open(encoding="utf-8") as handle:
        points = {row["town_chome"]: (row["lat"], row["lng"]) for row in csv.DictReader(handle)}
    filled = []
    for chome in Chome.objects.filter(latitude__isnull=True).select_related("town"):
        name = chome.town.name if chome.number == 0 else f"{chome.town.name}{kanji_number(chome.number)}丁目"
        if name in points:
            chome.latitude, chome.longitude = points[name]
            filled.append(chome)
    Chome.objects.bulk_update(filled, ["latitude", "longitude"])
    return len(filled)
