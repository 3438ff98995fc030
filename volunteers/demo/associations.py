"""Demo data for 町会・自治会, 民生・児童委員 districts and roster, coordinators, 協働推進員 and NPO support.

Everything invented is marked （デモ）/（架空） and registered as fiction (community.demo_fiction). The commissioner roster is wholly fictional and
shows only in the admin. Idempotent: natural keys with get_or_create; running twice changes nothing.
"""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from community.demo import demo_user
from community.demo_fiction import mark_fictional
from community.models import Area, Chome, Organization, Place, PublicationStatus, Session, Town
from volunteers.models import (
    AssociationActivity,
    AssociationProfile,
    CollaboratorRegistration,
    Commissioner,
    CommissionerDistrict,
    CoordinatorAssignment,
    CoordinatorTeam,
    DistrictChome,
    GroupProfile,
    JoinInquiry,
    NpoSeminar,
    NpoSupportMenu,
    Resource,
)
from volunteers.models.commissioners import term_end_for

WARD_PHONE = "03-3993-1111"  # the ward office's main number (organizations.csv, high confidence)
WARD_HOURS = "月曜〜金曜 8時30分〜17時15分（祝日・年末年始を除く）"
CHOME_PER_DISTRICT = 8
ACTIVITY_CYCLE = [
    ["safety", "cleaning", "festival"],
    ["watching", "notice", "safety"],
    ["festival", "children", "cleaning"],
    ["elderly", "watching", "green"],
]
SURNAMES = ["青空", "若葉", "星野", "森川", "花園", "水木", "春野", "秋山", "雪村", "風間", "月岡", "日向"]
GIVEN = ["一郎", "花子", "次郎", "桜", "三郎", "みどり", "健太", "陽子", "大地", "若菜"]
KANA_SURNAMES = ["あおぞら", "わかば", "ほしの", "もりかわ", "はなぞの", "みずき", "はるの", "あきやま", "ゆきむら", "かざま", "つきおか", "ひなた"]
KANA_GIVEN = ["いちろう", "はなこ", "じろう", "さくら", "さぶろう", "みどり", "けんた", "ようこ", "だいち", "わかな"]

MENUS = [
    ("founding", "NPO・団体の設立相談", "NPO法人やボランティア団体をつくりたい方に、設立の手続き・定款・会則づくりを専門の相談員がご案内します。", "電話または窓口で予約（1回60分）", 1),
    ("operation", "団体の運営相談", "会計・広報・会員集め・助成金の申請など、団体運営の困りごとの相談にのります。", "電話または窓口で予約（1回60分）", 2),
    ("seminar", "NPO・市民活動講座", "団体の運営に役立つ講座を定期的に開いています。下の「これからの講座」から申し込めます。", "各講座のページから申込み", 3),
]
SEMINARS = [
    ("はじめての団体会計講座（デモ）", "はじめてのだんたいかいけいこうざ", "会計", "会計係になったばかりの方向けに、帳簿のつけ方と決算の基本を学びます。"),
    ("チラシとSNSで仲間を増やす広報講座（デモ）", "ちらしとえすえぬえすでなかまをふやすこうほうこうざ", "広報", "活動を知ってもらうチラシの作り方と、SNSの上手な使い方を学びます。"),
    ("助成金申請書の書き方講座（デモ）", "じょせいきんしんせいしょのかきかたこうざ", "助成金", "地域おこしプロジェクトなどの助成金に申請するときの、書類の書き方を学びます。"),
]
# (name, reading, kind, area slug, field, summary, help wanted, accepts volunteers)
GROUPS = [
    ("NPO法人 ねりま見守りネット（デモ）", None, "npo", None, "elderly", "ひとり暮らしの高齢者への訪問と電話での見守り", "電話での見守りボランティア（週1回から）", True),
    ("大泉おちゃのみボランティアの会（デモ）", None, "volunteer", None, "elderly", "集会所でのお茶会と、外出の付き添い", "お茶会の準備を手伝ってくれる方", True),
    ("光が丘こども食堂の会（デモ）", "ひかりがおかこどもしょくどうのかい", "volunteer", "hikarigaoka", "childcare", "月2回のこども食堂と学習支援", "調理ボランティア、食材の寄付", True),
    ("石神井みどりを守る会（デモ）", "しゃくじいみどりをまもるかい", "volunteer", "shakujii", "green", "公園の花壇づくりと雑木林の手入れ", "", False),
    ("NPO法人 練馬ことばの架け橋（デモ）", "ねりまことばのかけはし", "npo", "nerima", "international", "外国から来た家族の通訳と生活相談", "タガログ語・ネパール語の通訳ボランティア", True),
    ("NPO法人 ねりま防災サポート（デモ）", "ねりまぼうさいさぽーと", "npo", "oizumi", "disaster", "町会と一緒に防災訓練と備蓄の点検", "会計のわかる方", False),
]


def _pdf(title: str) -> bytes:
    """A one-page PDF saying it is demo material (ASCII only, so no font embedding is needed)."""
    text = f"(Demo material / {title}) Tj"
    stream = f"BT /F1 18 Tf 72 760 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _associations(now) -> None:
    for index, town in enumerate(Town.objects.select_related("area").order_by("name_kana")):
        organization, _ = Organization.objects.get_or_create(
            name=f"{town.name}町会（デモ）",
            defaults={
                "name_kana": f"{town.name_kana}ちょうかい",
                "kind": Organization.Kind.NEIGHBORHOOD,
                "area": town.area,
                "status": PublicationStatus.PUBLISHED,
                "published_at": now,
                "description": f"{town.name}で活動する架空の町会です（デモデータ）。",
            },
        )
        mark_fictional(organization)
        profile, created = AssociationProfile.objects.get_or_create(
            organization=organization,
            defaults={
                "how_to_join": "このページのフォームからお問い合わせください。お近くの班長がご案内します。",
                "fee_text": "月額300円（1世帯）" if index % 3 else "",
                "meeting_note": "役員会は毎月第1日曜 19:00から",
                "households": 200 + index * 15,
                "meeting_place": Place.objects.filter(chome__town=town).order_by("pk").first(),
            },
        )
        if created:
            profile.chomes.set(Chome.objects.filter(town=town))
            for kind in ACTIVITY_CYCLE[index % len(ACTIVITY_CYCLE)]:
                AssociationActivity.objects.get_or_create(profile=profile, kind=kind)
    # The demo 町会 whose representative logs in as chokai@demo… covers 豊玉北5丁目 only.
    small = Organization.objects.filter(name="豊玉北五丁目町会（デモ）").first()
    if small:
        profile, created = AssociationProfile.objects.get_or_create(
            organization=small,
            defaults={"how_to_join": "フォームからどうぞ。会長が直接ご連絡します。", "fee_text": "年額2,400円（1世帯）"},
        )
        if created:
            profile.chomes.set(Chome.objects.filter(town__name="豊玉北", number=5))
            for kind in ("safety", "watching", "festival"):
                AssociationActivity.objects.get_or_create(profile=profile, kind=kind)
        # One 丁目, one demo association: 豊玉北町会（デモ） does not cover the 5丁目 this one covers (issue 18).
        for other in AssociationProfile.objects.filter(chomes__in=profile.chomes.all()).exclude(pk=profile.pk).distinct():
            other.chomes.remove(*profile.chomes.all())
        for name, email, message in [
            ("転入 太郎（デモ）", "tennyu@example.jp", "4月に引っ越してきました。加入の方法を教えてください。"),
            ("新住 花子（デモ）", "", "防災訓練に参加してみたいです。"),
        ]:
            JoinInquiry.objects.get_or_create(
                association=small,
                name=name,
                defaults={"email": email, "phone": "" if email else "090-0000-0000", "message": message},
            )


def _districts_and_roster() -> None:
    houkatsu = {
        org.area_id: org
        for org in Organization.objects.filter(kind=Organization.Kind.SUPPORT_CENTER).order_by("-pk")
    }
    today = timezone.localdate()
    person = 0
    for area in Area.objects.all():
        chomes = list(Chome.objects.filter(town__area=area).select_related("town").order_by("town__name_kana", "number"))
        for number, start in enumerate(range(0, len(chomes), CHOME_PER_DISTRICT), start=1):
            seats = 3 if number % 2 else 2  # two 民生委員・児童委員, and a 主任児童委員 in every other district
            # 定数 are invented like the districts (練馬区's are not in the sources): every third district has a 欠員.
            quota, chief_quota = 2 + (1 if number % 3 == 0 else 0), 1
            district, _ = CommissionerDistrict.objects.get_or_create(
                name=f"{area.name}第{number}地区（デモ）",
                defaults={
                    "name_kana": f"{area.name_kana}だい{number:02d}ちく",
                    "area": area,
                    "contact_office": "練馬区役所（代表電話から民生・児童委員の担当におつなぎします）",
                    "contact_phone": WARD_PHONE,
                    "contact_hours": WARD_HOURS,
                    "quota": quota,
                    "chief_quota": chief_quota,
                },
            )
            mark_fictional(district)
            if district.quota is None:  # a demo district made before 定数 existed
                CommissionerDistrict.objects.filter(pk=district.pk).update(quota=quota, chief_quota=chief_quota)
            for chome in chomes[start : start + CHOME_PER_DISTRICT]:
                DistrictChome.objects.get_or_create(chome=chome, defaults={"district": district})
            partners = Organization.objects.filter(
                association_profile__chomes__in=[c.pk for c in chomes[start : start + CHOME_PER_DISTRICT]]
            ).distinct()[:2]
            for seat in range(seats):
                surname = person % len(SURNAMES)
                given = (person * 7) % len(GIVEN)
                person += 1
                # A few terms end soon (filled vacancies), so the admin's term-end warning has something to show.
                term_start = dt.date(2025, 12, 1) if person % 9 else today - dt.timedelta(days=3 * 365 - 40)
                commissioner, created = Commissioner.objects.get_or_create(
                    full_name=f"（架空）{SURNAMES[surname]} {GIVEN[given]}",
                    district=district,
                    defaults={
                        "full_name_kana": f"{KANA_SURNAMES[surname]} {KANA_GIVEN[given]}",
                        "phone": f"090-0000-{person:04d}",
                        "is_chief_child_commissioner": seat == 2,
                        "term_start": term_start,
                        "term_end": term_end_for(term_start),
                        "note": "デモ用の架空の委員です。",
                    },
                )
                mark_fictional(commissioner)
                if created:
                    commissioner.partner_organizations.set(
                        [*partners, *([houkatsu[area.pk]] if area.pk in houkatsu else [])]
                    )


def _coordinators() -> None:
    from community.roles import COORDINATOR, sync_staff_groups

    sync_staff_groups()
    group = Group.objects.get(name=COORDINATOR)
    for area in Area.objects.all():
        team, _ = CoordinatorTeam.objects.get_or_create(
            area=area,
            defaults={
                "name": f"{area.name}地区 地域福祉コーディネーター（デモ）",
                "office": f"練馬区社会福祉協議会 {area.name}地区の窓口（デモ）",
                "phone": f"03-0000-000{area.sort_order}",
                "hours": "月曜〜金曜 9時〜17時",
            },
        )
        user = demo_user(f"coordinator-{area.slug}@demo.nerima.example.jp", f"{area.name} コーディネーター（デモ）", is_staff=True)
        user.groups.add(group)
        CoordinatorAssignment.objects.get_or_create(team=team, user=user)
    resident = demo_user("resident@demo.nerima.example.jp", "練馬 太郎")
    if not CollaboratorRegistration.objects.filter(user=resident).exists():
        registration = CollaboratorRegistration.objects.create(
            user=resident,
            interests=["elderly", "disaster"],
            weekdays=["sat", "sun"],
            times=["morning"],
            message="週末なら手伝えます。（デモ）",
        )
        registration.areas.set(Area.objects.filter(slug="nerima"))


def _npo(now) -> None:
    for kind, title, description, how, order in MENUS:
        NpoSupportMenu.objects.get_or_create(
            title=title, defaults={"kind": kind, "description": description, "how_to_apply": how, "sort_order": order}
        )
    center = Organization.objects.filter(name="練馬区立区民協働交流センター").first()
    place = Place.objects.filter(name__startswith="Coconeri").first()
    seminar_menu = NpoSupportMenu.objects.filter(kind=NpoSupportMenu.Kind.SEMINAR).first()
    if center:
        today = timezone.localtime(now).replace(hour=14, minute=0, second=0, microsecond=0)
        for offset, (title, kana, topic, description) in enumerate(SEMINARS):
            seminar, created = NpoSeminar.objects.get_or_create(
                title=title,
                defaults={
                    "title_kana": kana,
                    "organization": center,
                    "place": place,
                    "menu": seminar_menu,
                    "topic": topic,
                    "summary": description,
                    "description": description + "\n講師は区民協働交流センターの相談員です（デモ）。",
                    "audience": "区内で活動する団体の方、これから団体をつくりたい方",
                    "fee_text": "無料",
                    "status": PublicationStatus.PUBLISHED,
                    "published_at": now,
                },
            )
            if created or not seminar.sessions.exists():
                for week in (2 + offset, 6 + offset):
                    start = today + dt.timedelta(weeks=week)
                    Session.objects.create(
                        listing=seminar, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                        capacity=20, signup_required=True,
                    )
    areas = {area.slug: area for area in Area.objects.all()}
    for name, kana, kind, area, field, summary, wanted, accepts in GROUPS:
        organization = Organization.objects.filter(name=name).first()
        if organization is None and kana:
            organization = Organization.objects.create(
                name=name, name_kana=kana, kind=kind, area=areas[area],
                status=PublicationStatus.PUBLISHED, published_at=now, description=f"{summary}（デモデータ）",
            )
            mark_fictional(organization)
        if organization:
            GroupProfile.objects.get_or_create(
                organization=organization,
                defaults={"field": field, "activity_summary": summary, "help_wanted": wanted, "accepts_volunteers": accepts},
            )


def _resources() -> None:
    for kind, title, description, order in [
        (Resource.Kind.HINTS, "これからの町会・自治会運営のヒント集（デモ版）", "役員のなり手づくり、ITの活用、会費の集め方など、運営のヒントをまとめた冊子です。", 1),
        (Resource.Kind.NEWCOMER, "転入された方へ 町会・自治会のご案内（デモ版）", "町会・自治会の活動と加入のしかたをまとめたパンフレットです。", 2),
    ]:
        if not Resource.objects.filter(title=title).exists():
            resource = Resource(kind=kind, title=title, description=description, page_count=1, sort_order=order)
            resource.file.save(f"{kind}.pdf", ContentFile(_pdf(kind)), save=False)
            resource.full_clean()
            resource.save()


def load() -> None:
    now = timezone.now()
    _associations(now)
    _districts_and_roster()
    _coordinators()
    _npo(now)
    _resources()
