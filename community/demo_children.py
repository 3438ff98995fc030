"""Demo activities for children aged 4–12 and こども食堂 with dates. All of it is fiction, marked 架空 in the
title and on the organization (registered in DemoFiction); no real place or group is said to hold them."""

import datetime as dt

from django.utils import timezone

from community.demo_fiction import mark_fictional
from community.models import Area, Chome, Listing, Organization, Place, PublicationStatus, RecurringSchedule
from community.services.schedules import schedule_generate_sessions

# (name, reading, area slug)
ORGANIZATIONS = [
    ("ひかりがおか こども食堂の会（架空）", "ひかりがおか こどもしょくどうのかい", "hikarigaoka"),
    ("とよたま こども食堂（架空）", "とよたま こどもしょくどう", "nerima"),
    ("石神井 こども将棋クラブ（架空）", "しゃくじい こどもしょうぎくらぶ", "shakujii"),
    ("おおいずみ こども工作の会（架空）", "おおいずみ こどもこうさくのかい", "oizumi"),
]

# (name, reading, address, town, 丁目, station, minutes)
PLACES = [
    ("光が丘 こども食堂の会場（架空）", "ひかりがおか こどもしょくどうのかいじょう", "東京都練馬区光が丘5丁目（架空の会場）", "光が丘", 5, "光が丘", 8),
    ("豊玉 地域の台所（架空）", "とよたま ちいきのだいどころ", "東京都練馬区豊玉中2丁目（架空の会場）", "豊玉中", 2, "練馬", 10),
    ("石神井台 ふれあいルーム（架空）", "しゃくじいだい ふれあいるーむ", "東京都練馬区石神井台3丁目（架空の会場）", "石神井台", 3, "上井草", 12),
    ("大泉学園町 工作室（架空）", "おおいずみがくえんちょう こうさくしつ", "東京都練馬区大泉学園町4丁目（架空の会場）", "大泉学園町", 4, "大泉学園", 15),
]

FICTION = "架空のデモデータです（実在の団体・会場ではありません）。"

# title, reading, organization, place, audience, fee, summary, schedules
# schedule: (weekday 0=月, weeks "1,3" or "" for every week, start, end, capacity, signup required)
ACTIVITIES = [
    ("光が丘こども食堂（架空）", "ひかりがおかこどもしょくどう", 0, 0, "4〜12歳の子どもと保護者（ひとりで来る小学生も歓迎）",
     "子ども無料・大人300円", "月2回の夕ごはん。宿題を持ってきてもだいじょうぶです。",
     [(5, "2,4", "17:00", "19:00", 40, False)]),
    ("とよたま こども食堂（架空）", "とよたまこどもしょくどう", 1, 1, "4〜12歳の子どもと保護者",
     "子ども無料・大人300円", "第1・第3水曜の夕ごはん。アレルギーは事前にご相談ください。",
     [(2, "1,3", "17:00", "19:30", 30, True)]),
    ("こども将棋教室（架空）", "こどもしょうぎきょうしつ", 2, 2, "6〜12歳（小学生）", "無料",
     "駒の動かし方から。放課後に毎週ひらいています。", [(2, "", "16:00", "17:30", 12, True)]),
    ("こども工作クラブ（架空）", "こどもこうさくくらぶ", 3, 3, "4〜12歳（小学生未満は保護者と一緒に）", "材料費100円",
     "段ボールや木の実で作ってあそびます。", [(6, "1", "10:00", "12:00", 15, True)]),
]


def _time(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def load() -> None:
    now = timezone.now()
    areas = {area.slug: area for area in Area.objects.all()}
    organizations = [
        Organization.objects.get_or_create(
            name=name,
            defaults={"name_kana": kana, "kind": "volunteer", "area": areas[area],
                      "status": PublicationStatus.PUBLISHED, "published_at": now, "description": FICTION},
        )[0]
        for name, kana, area in ORGANIZATIONS
    ]
    mark_fictional(*organizations)
    places = [
        Place.objects.get_or_create(
            name=name,
            defaults={"name_kana": kana, "address": address, "chome": Chome.objects.get(town__name=town, number=number),
                      "nearest_station": station, "walk_minutes": minutes, "barrier_free_note": FICTION},
        )[0]
        for name, kana, address, town, number, station, minutes in PLACES
    ]
    for title, kana, org, place, audience, fee, summary, schedules in ACTIVITIES:
        listing, _ = Listing.objects.get_or_create(
            title=title,
            defaults={"title_kana": kana, "organization": organizations[org], "place": places[place],
                      "audience": audience, "fee_text": fee, "summary": summary, "description": FICTION,
                      "status": PublicationStatus.PUBLISHED, "published_at": now},
        )
        for weekday, weeks, start, end, capacity, signup in schedules:
            schedule, _ = RecurringSchedule.objects.get_or_create(
                listing=listing, weekday=weekday, weeks_of_month=weeks, start_time=_time(start),
                defaults={"end_time": _time(end), "valid_from": dt.date(2025, 4, 1), "capacity": capacity,
                          "signup_required": signup, "fee_text": fee},
            )
            schedule_generate_sessions(schedule=schedule)
