"""Demo cafés: the real ones in demo_data/carecafe.csv and kodomo_cafe.csv, plus fictional ones (「（デモ）」,
the DemoFiction registry, and an admin note) so every type, area and weekday has examples. Idempotent: natural keys only.

Where the sources give no schedule, the schedule here is invented and the admin note says so.
"""

import datetime as dt

from django.utils import timezone

from cafes.models import Activity, CareCafe, ChildcareLecture, KidsCafe
from community.demo import COBUSHI_OPERATOR, chome, demo_user
from community.demo_fiction import mark_fictional
from community.models import Organization, Place, PublicationStatus, RecurringSchedule
from community.services.schedules import schedule_generate_sessions
from community.services.signups import signup_create

VALID_FROM = dt.date(2025, 4, 1)
INVENTED = "開催日時は出典にないため、デモ用の仮の予定です。"
# carecafe.csv: the 光が丘 café is run by staff of a 地域包括支援センター whose name the source does not give.
HIKARI_CENTER = "光が丘の地域包括支援センター（センター名未確認）"
HIKARI_CAFE = "光が丘の出張ケアカフェ（名称未確認）"
HIKARI_PLACE = "光が丘パークタウン大通り南団地 集会所"

# Organizations and places this app adds: (name, reading, kind, area slug)
ORGANIZATIONS = [
    (HIKARI_CENTER, "ひかりがおかのちいきほうかつしえんせんたー", "houkatsu", "hikarigaoka", False),
    ("高野台西地域包括支援センター", "たかのだいにしちいきほうかつしえんせんたー", "houkatsu", "shakujii", False),
    ("ママコモハウス", "ままこもはうす", "business", None, False),
    ("ひかりが丘まちの茶の間の会（デモ）", "ひかりがおかまちのちゃのまのかい", "volunteer", "hikarigaoka", True),
    ("石神井みなみ地域包括支援センター（デモ）", "しゃくじいみなみちいきほうかつしえんせんたー", "houkatsu", "shakujii", True),
    ("ねりま中央薬局（デモ）", "ねりまちゅうおうやっきょく", "business", "nerima", True),
    ("ファミリーストア光が丘店（デモ）", "ふぁみりーすとあひかりがおかてん", "business", "hikarigaoka", True),
    ("石神井ふじ薬局（デモ）", "しゃくじいふじやっきょく", "business", "shakujii", True),
    ("大泉ひまわり薬局（デモ）", "おおいずみひまわりやっきょく", "business", "oizumi", True),
    ("カフェ・ひかりのこ（デモ）", "かふぇひかりのこ", "business", "hikarigaoka", True),
]

# (name, reading, address, town, 丁目, station, minutes, wheelchair, toilet, note)
PLACES = [
    ("旧中村敬老館（街かどケアカフェかしわ）", "きゅうなかむらけいろうかん", "東京都練馬区中村北（番地未確認）", "中村北", 1, "", None, False, False,
     "番地・丁目は出典で確認できていません（デモ用に中村北1丁目としています）。"),
    ("高野台デイサービスセンター", "たかのだいでいさーびすせんたー", "東京都練馬区高野台（番地未確認）", "高野台", 1, "練馬高野台", None, False, False,
     "番地・丁目は出典で確認できていません。"),
    ("光が丘パークタウン大通り南団地 集会所", "ひかりがおかぱーくたうんおおどおりみなみだんち", "東京都練馬区光が丘7丁目", "光が丘", 7, "光が丘", None, False, False, ""),
    ("ねりま中央薬局（デモ） 2階スペース", "ねりまちゅうおうやっきょく", "東京都練馬区練馬1丁目（デモ）", "練馬", 1, "練馬", 3, True, True, ""),
    ("ファミリーストア光が丘店（デモ） イートイン", "ふぁみりーすとあひかりがおかてん", "東京都練馬区光が丘3丁目（デモ）", "光が丘", 3, "光が丘", 6, True, False, ""),
    ("石神井ふじ薬局（デモ） 待合スペース", "しゃくじいふじやっきょく", "東京都練馬区石神井町3丁目（デモ）", "石神井町", 3, "石神井公園", 4, True, True, ""),
    ("大泉ひまわり薬局（デモ） 相談コーナー", "おおいずみひまわりやっきょく", "東京都練馬区南大泉3丁目（デモ）", "南大泉", 3, "保谷", 9, True, True, ""),
    ("タリーズコーヒー 石神井公園店", "たりーずこーひー しゃくじいこうえんてん", "東京都練馬区石神井町2丁目", "石神井町", 2, "石神井公園", 1, True, False, ""),
    ("カフェ・ひかりのこ（デモ）", "かふぇひかりのこ", "東京都練馬区光が丘2丁目（デモ）", "光が丘", 2, "光が丘", 4, True, True, ""),
]

# Schedules: (weekday 0=月, weeks "2,4" or "", start, end, place name or None, capacity, signup_required)
CARE_CAFES = [
    {
        "title": "街かどケアカフェこぶし", "kana": "まちかどけあかふぇこぶし", "type": "ward",
        "org": COBUSHI_OPERATOR, "place": "谷原出張所 ケアカフェこぶし", "fictional": False,
        "activities": ["exercise", "health", "tea"], "free": True, "fee": "無料", "opened": dt.date(2016, 4, 15),
        "summary": "練馬区で最初の街かどケアカフェ。谷原出張所の中にあります（開所時間は2016年の取材時のもの）。",
        "contact": "03-5372-6300（2016年の取材記事に載っていた連絡先。現在も同じかは未確認）",
        "note": "出典: snavi-nerima.jp / nerima.keizai.biz（確度: 高）。開所時間は2016年取材時の「月〜土 10:00〜16:00」。"
                "運営は当時、石神井高齢者相談センター富士見台支所。現在の運営者と時間は未確認。電話 03-5372-6300。",
        "schedules": [(day, "", "10:00", "16:00", None, None, False) for day in range(6)],
    },
    {
        "title": "街かどケアカフェはるのひ", "kana": "まちかどけあかふぇはるのひ", "type": "ward",
        "org": "北町はるのひ地域包括支援センター", "place": "北町地域集会所", "fictional": False,
        "activities": ["health", "tea", "exercise"], "free": True, "fee": "無料", "opened": dt.date(2021, 4, 1),
        "summary": "北町の複合施設1階にある、区立施設で常設運営のケアカフェです。",
        "note": "出典: 区議ブログ・shimoneri.com（確度: 高）。" + INVENTED,
        "schedules": [(1, "", "13:00", "16:00", None, None, False), (3, "", "13:00", "16:00", None, None, False)],
    },
    {
        "title": "街かどケアカフェかしわ", "kana": "まちかどけあかふぇかしわ", "type": "ward",
        "org": "中村かしわ地域包括支援センター", "place": "旧中村敬老館（街かどケアカフェかしわ）", "fictional": False,
        "activities": ["health", "tea"], "free": True, "fee": "無料", "opened": dt.date(2023, 4, 1),
        "summary": "旧中村敬老館の建物で開かれているケアカフェです。",
        "note": "出典: 区の敬老館だより（ミラー）ほか（確度: 高）。番地未確認。種類「常設型」は推定。" + INVENTED,
        "schedules": [(2, "", "10:00", "12:00", None, None, False)],
    },
    {
        "title": "街かどケアカフェあじさい", "kana": "まちかどけあかふぇあじさい", "type": "gathering",
        "org": "大泉地域包括支援センター", "place": "リズモ大泉学園 会議室", "fictional": False,
        "activities": ["health", "tea"], "free": True, "fee": "無料", "opened": None,
        "summary": "リズモ大泉学園内。地域包括支援センター併設のケアカフェです（詳細は確認中）。",
        "note": "確度: 低（要約記事のみ）。開設日は3月24日（2025年と推定）。種類・番地は未確認。" + INVENTED,
        "schedules": [(3, "1,3", "14:00", "15:30", None, None, False)],
    },
    {
        "title": "街かどケアカフェいちょう", "kana": "まちかどけあかふぇいちょう", "type": "gathering",
        "org": "高野台西地域包括支援センター", "place": "高野台デイサービスセンター", "fictional": False,
        "activities": ["health", "tea"], "free": True, "fee": "無料", "opened": None,
        "summary": "高野台デイサービスセンター内。地域包括支援センター併設のケアカフェです（詳細は確認中）。",
        "note": "確度: 低（要約記事のみ）。開設日は3月31日（2025年と推定）。種類・番地は未確認。" + INVENTED,
        "schedules": [(4, "2,4", "10:00", "11:30", None, None, False)],
    },
    {
        "title": HIKARI_CAFE, "kana": "ひかりがおかのしゅっちょうけあかふぇ", "type": "travelling",
        "org": HIKARI_CENTER, "place": HIKARI_PLACE, "fictional": False,
        "activities": ["health", "tea", "shopping"], "free": True, "fee": "無料", "opened": dt.date(2018, 10, 25),
        "summary": "移動販売車が来る日に、団地の集会所で健康相談と喫茶コーナーを開いています（開催日は確認中）。",
        "note": "確度: 低。地域包括支援センター職員が運営（センター名不明）、練馬区社会福祉事業団が協力。"
                "区の正式分類は未確認。出典: nerima-swf.jp。開催日は出典にないため、開催回は作っていません。",
        "schedules": [],
    },
    # --- fictional, so that every type × area and every weekday has an example ---
    {
        "title": "ケアカフェさくらだい（デモ）", "kana": "けあかふぇさくらだい", "type": "gathering",
        "org": "豊玉北五丁目町会（デモ）", "place": "桜台地区区民館", "fictional": True,
        "activities": ["exercise", "tea", "brain"], "free": True, "fee": "無料",
        "schedules": [(1, "1,3", "10:00", "12:00", None, None, False)],
    },
    {
        "title": "石神井ふれあいカフェ（デモ）", "kana": "しゃくじいふれあいかふぇ", "type": "gathering",
        "org": "NPO法人 ねりま見守りネット（デモ）", "place": "石神井公園区民交流センター", "fictional": True,
        "activities": ["exercise", "health", "tea"], "free": False, "fee": "100円（お茶代）", "signup": True,
        "schedules": [(2, "2,4", "14:00", "16:00", None, 20, True)],
    },
    {
        "title": "ひかりが丘 まちの茶の間（デモ）", "kana": "ひかりがおかまちのちゃのま", "type": "gathering",
        "org": "ひかりが丘まちの茶の間の会（デモ）", "place": "田柄地域集会所", "fictional": True,
        "activities": ["tea", "music"], "free": False, "fee": "100円",
        "schedules": [(4, "1,3", "13:30", "15:30", None, None, False)],
    },
    {
        "title": "大泉おちゃのみカフェ（デモ）", "kana": "おおいずみおちゃのみかふぇ", "type": "gathering",
        "org": "大泉おちゃのみボランティアの会（デモ）", "place": "大泉学園町地区区民館", "fictional": True,
        "activities": ["tea", "craft"], "free": True, "fee": "無料",
        "schedules": [(4, "", "13:00", "15:00", None, None, False)],
    },
    {
        "title": "街かどケアカフェ おおいずみ学園町（デモ）", "kana": "まちかどけあかふぇおおいずみがくえんちょう", "type": "ward",
        "org": "大泉地域包括支援センター", "place": "大泉学園町地区区民館", "fictional": True,
        "activities": ["exercise", "health", "tea"], "free": True, "fee": "無料",
        "schedules": [(0, "", "10:00", "12:00", None, None, False), (2, "", "10:00", "12:00", None, None, False)],
    },
    {
        "title": "関町おしゃべり出張カフェ（デモ）", "kana": "せきまちおしゃべりしゅっちょうかふぇ", "type": "travelling",
        "org": "石神井みなみ地域包括支援センター（デモ）", "place": None, "fictional": True,
        "activities": ["health", "tea", "exercise"], "free": True, "fee": "無料",
        "schedules": [
            (2, "1", "13:30", "15:30", "関区民センター", None, False),
            (2, "3", "13:30", "15:30", "上石神井北地域集会所", None, False),
        ],
    },
    {
        "title": "まちかど出張カフェ ねりま・おおいずみ（デモ）", "kana": "まちかどしゅっちょうかふぇねりまおおいずみ",
        "type": "travelling", "org": "石神井みなみ地域包括支援センター（デモ）", "place": None, "fictional": True,
        "activities": ["health", "brain"], "free": True, "fee": "無料",
        "schedules": [
            (0, "1", "14:00", "15:30", "Coconeri 区民協働交流センター", None, False),
            (0, "3", "14:00", "15:30", "リズモ大泉学園 会議室", None, False),
        ],
    },
    {
        "title": "薬局ケアカフェ ねりま（デモ）", "kana": "やっきょくけあかふぇねりま", "type": "shop",
        "org": "ねりま中央薬局（デモ）", "place": "ねりま中央薬局（デモ） 2階スペース", "partner": "ねりま中央薬局（デモ）",
        "fictional": True, "activities": ["health", "lecture"], "free": True, "fee": "無料", "signup": True,
        "schedules": [(5, "", "10:00", "11:30", None, 8, True)],
    },
    {
        "title": "コンビニでひとやすみカフェ 光が丘（デモ）", "kana": "こんびにでひとやすみかふぇひかりがおか", "type": "shop",
        "org": "ファミリーストア光が丘店（デモ）", "place": "ファミリーストア光が丘店（デモ） イートイン",
        "partner": "ファミリーストア光が丘店（デモ）", "fictional": True, "activities": ["tea", "shopping"],
        "free": False, "fee": "飲み物代のみ", "schedules": [(0, "2,4", "10:00", "11:30", None, None, False)],
    },
    {
        "title": "ふじ薬局の健康カフェ（デモ）", "kana": "ふじやっきょくのけんこうかふぇ", "type": "shop",
        "org": "石神井ふじ薬局（デモ）", "place": "石神井ふじ薬局（デモ） 待合スペース", "partner": "石神井ふじ薬局（デモ）",
        "fictional": True, "activities": ["health"], "free": True, "fee": "無料",
        "schedules": [(3, "", "10:00", "11:00", None, None, False)],
    },
    {
        "title": "ひまわり日曜カフェ（デモ）", "kana": "ひまわりにちようかふぇ", "type": "shop",
        "org": "大泉ひまわり薬局（デモ）", "place": "大泉ひまわり薬局（デモ） 相談コーナー", "partner": "大泉ひまわり薬局（デモ）",
        "fictional": True, "activities": ["health", "tea"], "free": True, "fee": "無料",
        "schedules": [(6, "1,3", "10:00", "12:00", None, None, False)],
    },
]

KIDS_CAFES = [
    {
        "title": "練馬こどもカフェ タリーズコーヒー 大泉学園店", "kana": "ねりまこどもかふぇ たりーずおおいずみがくえんてん",
        "org": "タリーズコーヒージャパン", "place": "タリーズコーヒー 大泉学園店", "fictional": False,
        "ages": (1, 1), "stroller": True, "nursing": False,
        "summary": "2019年に区と連携協定を結んで始まった練馬こどもカフェの会場です。",
        "note": "出典: nerima.keizai.biz（確度: 高）。初回2019-06-18、1歳児と保護者対象、定員親子5組。" + INVENTED,
        "schedules": [(1, "3", "10:30", "11:30", None, 5, True)],
    },
    {
        "title": "練馬こどもカフェ タリーズコーヒー 石神井公園店", "kana": "ねりまこどもかふぇ たりーずしゃくじいこうえんてん",
        "org": "タリーズコーヒージャパン", "place": "タリーズコーヒー 石神井公園店", "fictional": False,
        "ages": (0, 2), "stroller": True, "nursing": False,
        "summary": "2019年の開始時の2店舗のひとつです。",
        "note": "出典: nerima.keizai.biz（確度: 高）。対象年齢・ベビーカー・授乳の情報は未確認（デモ用）。" + INVENTED,
        "schedules": [(3, "2", "10:30", "11:30", None, 5, True)],
    },
    {
        "title": "練馬こどもカフェ ママコモハウス", "kana": "ねりまこどもかふぇ ままこもはうす",
        "org": "ママコモハウス", "place": None, "fictional": False, "ages": (0, 3), "stroller": True, "nursing": True,
        "summary": "令和3年度から参加。ベビーマッサージなどの自主講座もあります。",
        "note": "出典: koguchiyoko.net ほか（確度: 高）。所在地・設備は未確認のため公開前（承認待ち）にしています。" + INVENTED,
        "status": PublicationStatus.PENDING,
        "schedules": [(2, "", "10:00", "12:00", None, None, False)],
    },
    {
        "title": "こどもカフェ ひかりのこ（デモ）", "kana": "こどもかふぇひかりのこ",
        "org": "カフェ・ひかりのこ（デモ）", "place": "カフェ・ひかりのこ（デモ）", "fictional": True,
        "ages": (0, 3), "stroller": True, "nursing": True,
        "schedules": [(4, "1,3", "10:00", "11:30", None, 6, True)],
    },
]

# (title, reading, topic, kids café title, lecturer, schedule)
LECTURES = [
    ("離乳食のはじめかた（デモ）", "りにゅうしょくのはじめかた", "weaning", "練馬こどもカフェ タリーズコーヒー 大泉学園店",
     "さくらだい保育園 栄養士（デモ）", (1, "1,4", "10:30", "11:30", None, 5, True)),
    ("ベビーマッサージ（デモ）", "べびーまっさーじ", "massage", "練馬こどもカフェ タリーズコーヒー 石神井公園店",
     "さくらだい保育園 保育士（デモ）", (2, "2,4", "14:00", "15:00", None, 6, True)),
    ("絵本の読み聞かせ（デモ）", "えほんのよみきかせ", "books", "こどもカフェ ひかりのこ（デモ）",
     "さくらだい保育園 園長（デモ）", (4, "2,4", "10:30", "11:15", None, 8, True)),
]

LECTURE_ORG = "さくらだい保育園（デモ）"


def _time(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def _schedules(listing, rows) -> None:
    for weekday, weeks, start, end, place_name, capacity, signup in rows:
        schedule, _ = RecurringSchedule.objects.get_or_create(
            listing=listing, weekday=weekday, weeks_of_month=weeks, start_time=_time(start),
            defaults={
                "end_time": _time(end), "valid_from": VALID_FROM, "capacity": capacity, "signup_required": signup,
                "place": Place.objects.get(name=place_name) if place_name else None, "fee_text": listing.fee_text,
            },
        )
        schedule_generate_sessions(schedule=schedule)  # the next three months, idempotent by date


def _listing(model, row, **fields):
    listing, _ = model.objects.get_or_create(
        title=row["title"],
        defaults={
            "title_kana": row["kana"],
            "organization": Organization.objects.get(name=row["org"]),
            "place": Place.objects.get(name=row["place"]) if row.get("place") else None,
            "summary": row.get("summary", "デモ用の架空のカフェです。"),
            "fee_text": row.get("fee", ""),
            "contact_text": row.get("contact", ""),
            "admin_note": row.get("note", "架空のデモデータです。"),
            # A listing whose place is unknown in the sources waits for it (承認待ち) instead of being public.
            "status": row.get("status", PublicationStatus.PUBLISHED),
            "published_at": timezone.now(),
            **fields,
        },
    )
    if row["fictional"]:
        mark_fictional(listing)
    return listing


def _organizations_and_places() -> None:
    from community.models import Area

    for name, kana, kind, area, fictional in ORGANIZATIONS:
        organization, _created = Organization.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana, "kind": kind,
                "area": Area.objects.filter(slug=area).first(), "status": PublicationStatus.PUBLISHED,
                "published_at": timezone.now(),
            },
        )
        if fictional:
            mark_fictional(organization)
    for name, kana, address, town, number, station, minutes, wheelchair, toilet, note in PLACES:
        Place.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana, "address": address, "chome": chome(town, number), "nearest_station": station,
                "walk_minutes": minutes, "wheelchair_accessible": wheelchair, "has_accessible_toilet": toilet,
                "barrier_free_note": note,
            },
        )


def _full_session_with_waitlist() -> None:
    """The pharmacy café's next session is full (8 of 8) with one neighbour waiting."""
    cafe = CareCafe.objects.get(title="薬局ケアカフェ ねりま（デモ）")
    session = cafe.sessions.upcoming().filter(signup_required=True).first()
    if session is None or session.signups.exists():
        return
    people = [
        demo_user(f"carecafe{n}@demo.nerima.example.jp", f"ケアカフェ 参加者{n}（デモ）") for n in range(1, 4)
    ]
    signup_create(session=session, user=people[0], party_size=4)
    signup_create(session=session, user=people[1], party_size=4)
    signup_create(session=session, user=people[2], party_size=1)  # no seat left: waitlisted


def _put_facts_right() -> None:
    """Correct cafés that demo databases loaded before issue 18 carry (operator, phone, invented schedule)."""
    rows = {row["title"]: row for row in CARE_CAFES}
    for title in ("街かどケアカフェこぶし", HIKARI_CAFE):
        cafe = CareCafe.objects.filter(title=title).first()
        if cafe is None:
            continue
        row = rows[title]
        right = {"organization_id": Organization.objects.get(name=row["org"]).pk,
                 "place_id": Place.objects.get(name=row["place"]).pk, "contact_text": row.get("contact", ""),
                 "summary": row["summary"], "admin_note": row["note"]}
        # Only when something is wrong: a save writes a history row, and loading twice must change nothing.
        if any(getattr(cafe, field) != value for field, value in right.items()):
            for field, value in right.items():
                setattr(cafe, field, value)
            cafe.save()
    # The 光が丘 café's dates have no source: drop the invented schedule and its coming sessions nobody signed up for.
    hikari = CareCafe.objects.filter(title=HIKARI_CAFE).first()
    if hikari is not None:
        RecurringSchedule.objects.filter(listing=hikari).delete()
        hikari.sessions.filter(starts_at__gte=timezone.now(), signups__isnull=True).delete()


def load() -> None:
    _organizations_and_places()
    _put_facts_right()
    for row in CARE_CAFES:
        cafe = _listing(
            CareCafe, row, cafe_type=row["type"], is_free=row["free"], signup_required=row.get("signup", False),
            partner_shop=row.get("partner", ""), opened_on=row.get("opened"),
            audience="おおむね65歳以上の方とご家族、地域の方どなたでも",
            description="介護予防の体操や健康相談、お茶を飲みながらのおしゃべりなど、気軽に立ち寄れる場です。",
        )
        if not cafe.activities.exists():
            cafe.activities.set(Activity.objects.filter(code__in=row["activities"]))
        _schedules(cafe, row["schedules"])
    for row in KIDS_CAFES:
        low, high = row["ages"]
        cafe = _listing(
            KidsCafe, row, age_min=low, age_max=high, stroller_ok=row["stroller"], has_nursing_room=row["nursing"],
            audience="乳幼児と保護者", fee_text="飲み物代のみ",
            stroller_note="店内にベビーカー置き場があります。" if row["stroller"] else "",
            nursing_note="授乳ケープの貸し出しがあります。" if row["nursing"] else "",
        )
        _schedules(cafe, row["schedules"])
    lecturer_org = Organization.objects.get(name=LECTURE_ORG)
    for title, kana, topic, cafe_title, lecturer, schedule in LECTURES:
        kids_cafe = KidsCafe.objects.get(title=cafe_title)
        lecture, _ = ChildcareLecture.objects.get_or_create(
            title=title,
            defaults={
                "title_kana": kana, "topic": topic, "kids_cafe": kids_cafe, "organization": lecturer_org,
                "place": kids_cafe.place, "lecturer": lecturer, "audience": "乳幼児の保護者（お子さん連れ可）",
                "fee_text": "無料", "summary": "保育園の先生が、日々の子育てのコツをお話しします。",
                "status": PublicationStatus.PUBLISHED, "published_at": timezone.now(),
            },
        )
        _schedules(lecture, [schedule])
    _full_session_with_waitlist()
