"""Demo for hiroba: plazas (3 from shared data, the rest fictional), ward desks, support centres mapped to
町丁目, consultation teams and requests in every status. Idempotent: running twice changes nothing.

Rows from the data whose details are unconfirmed say so in source_note; invented rows carry 「（デモ）」.
"""

import datetime as dt

import jpholiday
from django.utils import timezone

from community.demo_fiction import mark_fictional
from community.models import Area, Chome, Organization, Place, PublicationStatus, Session, Town, User
from community.models.schedules import week_of_month
from hiroba.models import (
    ConsultationDesk,
    ConsultationNote,
    ConsultationRequest,
    ConsultationTeam,
    Plaza,
    PlazaSubsidy,
    RetentionSetting,
    SupportCenterCoverage,
)
from hiroba.services import consultations as services

PUBLISHED = PublicationStatus.PUBLISHED

# Organizations the plazas and centres need beyond community/demo.py: (name, kana, kind, area, fictional)
EXTRA_ORGANIZATIONS = [
    ("おちゃ福（運営者未確認）", "おちゃふく", "volunteer", "oizumi", False),
    ("らくぜん（運営者未確認）", "らくぜん", "volunteer", "hikarigaoka", False),
    ("光が丘ひろば運営委員会（デモ）", "ひかりがおかひろばうんえいいいんかい", "volunteer", "hikarigaoka", True),
    ("北町地域包括支援センター", "きたまちちいきほうかつしえんせんたー", "houkatsu", "hikarigaoka", False),
    ("高野台西地域包括支援センター", "たかのだいにしちいきほうかつしえんせんたー", "houkatsu", "shakujii", False),
    ("豊玉地域包括支援センター（デモ）", "とよたまちいきほうかつしえんせんたー", "houkatsu", "nerima", True),
    ("光が丘地域包括支援センター（デモ）", "ひかりがおかちいきほうかつしえんせんたー", "houkatsu", "hikarigaoka", True),
    ("大泉北地域包括支援センター（デモ）", "おおいずみきたちいきほうかつしえんせんたー", "houkatsu", "oizumi", True),
]

# Coverage stated in houkatsu_centers.csv (confidence high): centre → {町名: [丁目] or None for all}.
CONFIRMED_COVERAGE = {
    "北町はるのひ地域包括支援センター": {"北町": [6, 7], "氷川台": None, "早宮": None},
    "北町地域包括支援センター": {"北町": [1, 2, 3, 4, 5, 8]},
}

# (title, kana, organization, place name, town, 丁目, activities, hours, phone, online, languages, opened, source)
UNCONFIRMED = "所在地・開所日時は未確認"
PLAZAS = [
    ("おちゃ福", "おちゃふく", "おちゃ福（運営者未確認）", "おちゃ福の会場（所在地未確認）", "東大泉", 1,
     ["chat", "community"], "開所日時は運営者にお問い合わせください（未確認）", "", False, [], None,
     "2016年9月2日 区長懇談会の記録より。医療・福祉・介護・教育関係者の勉強会が発祥。" + UNCONFIRMED + "。地域は発言からの推定"),
    ("らくぜん", "らくぜん", "らくぜん（運営者未確認）", "らくぜんの会場（所在地未確認）", "光が丘", 4,
     ["chat", "care"], "開所日時は運営者にお問い合わせください（未確認）", "", False, [], None,
     "2016年7月28日 区長懇談会の記録より。麻雀教室、高齢者向け「食のほっとサロン」。" + UNCONFIRMED),
    ("ふろしき・ねこの手", "ふろしきねこのて", "住民たすけあい ふろしき", "ふろしき・ねこの手の会場（所在地未確認）",
     "石神井町", 5, ["care", "chat", "community"], "開所日時は運営者にお問い合わせください（未確認）", "", False, [],
     None, "2017年4月25日 区長懇談会の記録より。「ふろしき」は1992年発足の住民たすけあい組織。" + UNCONFIRMED),
    ("豊玉ほっとひろば（デモ）", "とよたまほっとひろば", "豊玉北五丁目町会（デモ）", "豊玉北五丁目町会会館（デモ）", "豊玉北", 5,
     ["childcare", "care", "chat", "community"], "毎週火曜・金曜 10:00–15:00（祝日は休み）", "03-0000-0101", False,
     [], dt.date(2019, 6, 1), "デモ用の架空のひろばです。"),
    ("桜台こそだて相談ひろば（デモ）", "さくらだいこそだてそうだんひろば", "さくらだい保育園（デモ）", "桜台地区区民館", "桜台", 3,
     ["childcare", "chat"], "毎週水曜 10:00–12:00", "", True, [], dt.date(2022, 4, 1), "デモ用の架空のひろばです。"),
    ("光が丘ひろば いこい（デモ）", "ひかりがおかひろばいこい", "光が丘ひろば運営委員会（デモ）", "光が丘区民センター", "光が丘", 2,
     ["care", "living", "chat", "foreign"], "毎週月曜・木曜 13:00–16:00", "03-0000-0103", False, ["en", "zh-hans"],
     dt.date(2020, 10, 1), "デモ用の架空のひろばです。"),
    ("石神井まちかど相談ひろば（デモ）", "しゃくじいまちかどそうだんひろば", "NPO法人 ねりま見守りネット（デモ）",
     "石神井公園区民交流センター", "石神井町", 2, ["care", "disability", "living", "community"],
     "毎月第1・第3土曜 10:00–14:00", "03-0000-0104", True, [], dt.date(2021, 5, 1), "デモ用の架空のひろばです。"),
    ("大泉おちゃのみひろば（デモ）", "おおいずみおちゃのみひろば", "大泉おちゃのみボランティアの会（デモ）", "大泉学園町地区区民館",
     "大泉学園町", 5, ["chat", "care", "community"], "毎週水曜 13:30–16:00", "", False, [], dt.date(2023, 7, 1),
     "デモ用の架空のひろばです。"),
]
INTRODUCED = ["練馬区社会福祉協議会", "練馬区立区民協働交流センター"]

# When each fictional plaza is open, as its hours_text says: weekdays (0 = 月), weeks of the month (empty: every
# week), opening and closing time. Its 交流会 fall on an open day, inside these hours (issue 18).
OPEN_HOURS = {
    "豊玉ほっとひろば（デモ）": ([1, 4], [], "10:00", "15:00"),
    "桜台こそだて相談ひろば（デモ）": ([2], [], "10:00", "12:00"),
    "光が丘ひろば いこい（デモ）": ([0, 3], [], "13:00", "16:00"),
    "石神井まちかど相談ひろば（デモ）": ([5], [1, 3], "10:00", "14:00"),
    "大泉おちゃのみひろば（デモ）": ([2], [], "13:30", "16:00"),
}
EVENT_MINUTES = 90

ALL_TOPICS = ["childcare", "elderly", "disability", "living", "foreign", "community", "other"]
# (name, kana, kind, area, address, phone, hours, topics, online, languages, main, fictional, description)
DESKS = [
    ("練馬区役所 代表電話", "ねりまくやくしょ だいひょうでんわ", "ward", None, "東京都練馬区豊玉北6丁目12番1号",
     "03-3993-1111", "月曜〜金曜 8時30分〜17時15分（祝日・年末年始を除く）", ALL_TOPICS, False, [], True, False,
     "どこに相談すればよいか分からないときは、代表電話で用件を伝えると担当の課につなぎます。"),
    ("大泉総合福祉事務所", "おおいずみそうごうふくしじむしょ", "welfare_office", "oizumi", "東京都練馬区東大泉1丁目29-1", "",
     "", ["elderly", "disability", "living", "childcare"], False, [], False, False,
     "高齢者・障害のある方・生活の困りごと・子育ての相談を受けます（電話番号は区のホームページでご確認ください）。"),
    ("練馬総合福祉事務所（デモ）", "ねりまそうごうふくしじむしょ", "welfare_office", "nerima", "", "03-0000-0201",
     "平日 8:30–17:15", ["elderly", "disability", "living", "childcare"], False, [], False, True, ""),
    ("光が丘総合福祉事務所（デモ）", "ひかりがおかそうごうふくしじむしょ", "welfare_office", "hikarigaoka", "", "03-0000-0202",
     "平日 8:30–17:15", ["elderly", "disability", "living", "childcare"], False, [], False, True, ""),
    ("石神井総合福祉事務所（デモ）", "しゃくじいそうごうふくしじむしょ", "welfare_office", "shakujii", "", "03-0000-0203",
     "平日 8:30–17:15", ["elderly", "disability", "living", "childcare"], False, [], False, True, ""),
    ("北保健相談所", "きたほけんそうだんじょ", "health", "hikarigaoka", "東京都練馬区北町6-35-7", "03-3931-1347", "",
     ["childcare", "disability"], False, [], False, False, "子どもの健康や発達、こころの健康の相談を受けます。"),
    ("練馬区立区民協働交流センター", "ねりまくりつくみんきょうどうこうりゅうせんたー", "collaboration", None,
     "東京都練馬区練馬1-17-1 Coconeri 3階", "", "", ["community"], False, [], False, False,
     "NPOやボランティア活動を始めたい方、団体の運営の相談を受けます。"),
    ("練馬区社会福祉協議会 ボランティア・地域福祉推進センター（デモの連絡先）", "ねりまくしゃかいふくしきょうぎかい", "shakyo",
     None, "", "03-0000-0204", "平日 9:00–17:00", ["community", "living", "other"], True, [], False, True,
     "地域の支え合いやボランティアの相談を受けます（電話番号・時間はデモ用の架空のものです）。"),
]

TEAMS = [
    ("福祉部 相談係（デモ）", "区の相談受付を担当します。", "staff@demo.nerima.example.jp"),
    ("社協 練馬地区（デモ）", "練馬地域の相談を担当します。", "coordinator@demo.nerima.example.jp"),
]

# (reference, status, topic, anonymous, team, assignee e-mail, days since received, days since closed, message)
REQUESTS = [
    ("S-DEMO-NEW1", "new", "childcare", False, None, None, 1, None,
     "（デモ）2歳の子の夜泣きが続いていて、相談できる場所を知りたいです。"),
    ("S-DEMO-ASG2", "assigned", "elderly", False, "社協 練馬地区（デモ）", "coordinator@demo.nerima.example.jp", 5, None,
     "（デモ）一人暮らしの母の買い物が大変になってきました。"),
    ("S-DEMO-PRG3", "in_progress", "living", False, "福祉部 相談係（デモ）", "staff@demo.nerima.example.jp", 12, None,
     "（デモ）仕事が減って家賃の支払いが心配です。"),
    ("S-DEMO-CLS4", "closed", "community", False, "社協 練馬地区（デモ）", None, 40, 20,
     "（デモ）町会の活動に参加してみたいです。"),
    ("S-DEMO-ANO5", "closed", "other", True, "福祉部 相談係（デモ）", None, 1600, 1500,
     "（デモ）近所の方のことで相談したいです。"),
]


def _org(name, kana, kind, area, fictional):
    org, _created = Organization.objects.get_or_create(
        name=name,
        defaults={"name_kana": kana, "kind": kind, "area": area, "status": PUBLISHED, "published_at": timezone.now()},
    )
    if fictional:
        mark_fictional(org)
    return org


def _chome(town, number):
    return Chome.objects.get(town__name=town, number=number)


def load_coverage(areas):
    """Confirmed coverage first, then every remaining 町 of an area goes to that area's centres in turn."""
    for center_name, towns in CONFIRMED_COVERAGE.items():
        center = Organization.objects.get(name=center_name)
        for town, numbers in towns.items():
            chomes = Chome.objects.filter(town__name=town)
            if numbers:
                chomes = chomes.filter(number__in=numbers)
            for chome in chomes:
                SupportCenterCoverage.objects.get_or_create(chome=chome, defaults={"center": center, "is_confirmed": True})
    for area in areas.values():
        centers = list(Organization.objects.filter(kind="houkatsu", area=area).order_by("name_kana"))
        if not centers:
            continue
        covered = set(SupportCenterCoverage.objects.values_list("chome_id", flat=True))
        for index, town in enumerate(Town.objects.filter(area=area).order_by("name_kana")):
            center = centers[index % len(centers)]
            for chome in town.chomes.all():
                if chome.pk not in covered:
                    SupportCenterCoverage.objects.get_or_create(chome=chome, defaults={"center": center})


def load_plazas():
    introduced = list(Organization.objects.filter(name__in=INTRODUCED))
    this_year = timezone.localdate().year
    for index, (title, kana, org_name, place_name, town, number, activities, hours, phone, online, languages, opened,
                source) in enumerate(PLAZAS):
        # For plazas known only from meeting records the address is unknown: say so instead of inventing one.
        address = f"東京都練馬区{town}{number}丁目" if opened else f"所在地未確認（{town}付近と推定）"
        place, _created = Place.objects.get_or_create(
            name=place_name, defaults={"name_kana": "", "address": address, "chome": _chome(town, number)}
        )
        plaza, created = Plaza.objects.get_or_create(
            title=title,
            defaults={
                "title_kana": kana, "organization": Organization.objects.get(name=org_name), "place": place,
                "hours_text": hours, "phone": phone, "offers_online": online, "languages": languages,
                "opened_on": opened, "source_note": source, "status": PUBLISHED, "published_at": timezone.now(),
                "summary": "予約なしで立ち寄って、気軽に話せるひろばです。",
                "description": "地域の身近な相談の場です。お茶を飲みながら、困りごとや地域のことを話せます。",
            },
        )
        if not created:
            continue
        services.plaza_set_activities(plaza=plaza, activities=activities)
        plaza.introduced_organizations.set(introduced)
        if opened is None:
            continue  # real plazas with unknown details get no invented events or subsidies
        first_year = opened.year if opened.month >= 4 else opened.year - 1
        for year in range(first_year, this_year + 1):
            PlazaSubsidy.objects.get_or_create(
                plaza=plaza, fiscal_year=year,
                defaults={"amount": 300_000 + 20_000 * index,
                          "status": "reported" if year < this_year - 1 else "granted" if year < this_year else "applied"},
            )


def _open_at(title: str, start: dt.datetime) -> bool:
    weekdays, weeks, opens, closes = OPEN_HOURS[title]
    local = timezone.localtime(start)
    end = local + dt.timedelta(minutes=EVENT_MINUTES)
    return (
        local.weekday() in weekdays and (not weeks or week_of_month(local.date()) in weeks)
        and not jpholiday.is_holiday(local.date())
        and f"{local:%H:%M}" >= opens and f"{end:%H:%M}" <= closes and end.date() == local.date()
    )


def _next_open_day(title: str, after: dt.date) -> dt.date:
    weekdays, weeks, _opens, _closes = OPEN_HOURS[title]
    day = after
    while not (day.weekday() in weekdays and (not weeks or week_of_month(day) in weeks) and not jpholiday.is_holiday(day)):
        day += dt.timedelta(days=1)
    return day


def load_plaza_events():
    """Two 交流会 per fictional plaza, on days it is open and inside its hours; ones on closed days are removed."""
    now = timezone.now()
    for plaza in Plaza.objects.filter(title__in=OPEN_HOURS):
        title = f"{plaza.title} 交流会"
        upcoming = list(plaza.sessions.filter(title=title, starts_at__gte=now))
        for session in upcoming:
            if not _open_at(plaza.title, session.starts_at) and not session.signups.exists():
                session.delete()
        if any(_open_at(plaza.title, session.starts_at) for session in upcoming):
            continue
        opens = dt.time.fromisoformat(OPEN_HOURS[plaza.title][2])
        for weeks_ahead, signup in ((1, False), (3, True)):
            day = _next_open_day(plaza.title, timezone.localdate() + dt.timedelta(weeks=weeks_ahead))
            start = timezone.make_aware(dt.datetime.combine(day, opens)) + dt.timedelta(minutes=30)
            Session.objects.create(listing=plaza, title=title, starts_at=start,
                                   ends_at=start + dt.timedelta(minutes=EVENT_MINUTES), signup_required=signup,
                                   capacity=20)


def load_requests():
    users = {user.email: user for user in User.objects.filter(email__in=[t[2] for t in TEAMS])}
    teams = {}
    for name, description, member in TEAMS:
        team, _created = ConsultationTeam.objects.get_or_create(name=name, defaults={"description": description})
        if member in users:
            team.members.add(users[member])
        teams[name] = team
    now = timezone.now()
    for reference, status, topic, anonymous, team, assignee, received_days, closed_days, message in REQUESTS:
        if ConsultationRequest.objects.filter(reference=reference).exists():
            continue
        received = now - dt.timedelta(days=received_days)
        consultation = ConsultationRequest(
            reference=reference, status=status, topic=topic, message=message, is_anonymous=anonymous,
            contact_method="none" if anonymous else "phone", name="" if anonymous else "練馬 相談者（デモ）",
            phone="" if anonymous else "03-0000-9999", preferred_time="" if anonymous else "平日の午後",
            assigned_team=teams.get(team), assigned_to=users.get(assignee), consented_at=received,
            received_at=received, closed_at=now - dt.timedelta(days=closed_days) if closed_days else None,
        )
        consultation.full_clean()
        consultation.save()
        if status != "new":
            ConsultationNote.objects.create(consultation=consultation, author=users.get(assignee),
                                            text="（デモ）折り返しの電話で状況を伺いました。", created_at=received)


def load() -> None:
    areas = {area.slug: area for area in Area.objects.all()}
    for name, kana, kind, area, fictional in EXTRA_ORGANIZATIONS:
        _org(name, kana, kind, areas[area], fictional)
    load_coverage(areas)
    load_plazas()
    load_plaza_events()
    for (name, kana, kind, area, address, phone, hours, topics, online, languages, main, fictional,
         description) in DESKS:
        desk, _created = ConsultationDesk.objects.get_or_create(
            name=name,
            defaults={"name_kana": kana, "kind": kind, "area": areas.get(area), "address": address, "phone": phone,
                      "hours_text": hours, "topics": topics, "offers_online": online, "languages": languages,
                      "is_main_contact": main, "description": description, "offers_phone": bool(phone)},
        )
        if fictional:
            mark_fictional(desk)
    RetentionSetting.current()
    load_requests()
