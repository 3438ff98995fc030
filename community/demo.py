"""Demo organizations, members and places across the four areas (real names from shared data, the rest fictional)."""

from django.utils import timezone

from community.demo_fiction import mark_fictional
from community.models import (
    Area,
    Chome,
    Listing,
    Membership,
    Organization,
    Place,
    PublicationStatus,
    Town,
    User,
)

DEMO_PASSWORD = "nerima-demo-2026"
# Demo staff sign in with a second factor like real staff: one authenticator-app key for every demo staff account
# (printed by `make run`; `python manage.py demo_totp` shows the current code). Demo data never loads in production.
DEMO_TOTP_SECRET = "NERIMAPORTALDEMOSTAFFSECRETKEY22"
COBUSHI_OPERATOR = "石神井高齢者相談センター 富士見台支所（2016年当時の名称）"
# Facts put right in demo databases loaded before (issue 18): old name → name from the sources.
RENAMED_ORGANIZATIONS = {"タリーズコーヒージャパン（大泉学園店）": "タリーズコーヒージャパン"}

# (name, reading, kind, area slug, address, phone, fictional)
ORGANIZATIONS = [
    ("練馬区 福祉部 管理課", "ねりまく ふくしぶ かんりか", "ward", "nerima", "東京都練馬区豊玉北6丁目12番1号", "03-3993-1111", False),
    ("練馬区社会福祉協議会", "ねりまくしゃかいふくしきょうぎかい", "shakyo", "nerima", "東京都練馬区豊玉北5丁目", "", False),
    # A ward facility (練馬区立), not an NPO法人 (organizations.csv: 区民・産業プラザの一施設).
    ("練馬区立区民協働交流センター", "ねりまくりつくみんきょうどうこうりゅうせんたー", "ward", "nerima", "東京都練馬区練馬1-17-1 Coconeri 3階", "", False),
    ("北町はるのひ地域包括支援センター", "きたまちはるのひちいきほうかつしえんせんたー", "houkatsu", "hikarigaoka", "東京都練馬区北町6-35-7", "03-5399-5347", False),
    ("中村かしわ地域包括支援センター", "なかむらかしわちいきほうかつしえんせんたー", "houkatsu", "nerima", "東京都練馬区中村北", "03-5848-6177", False),
    ("大泉地域包括支援センター", "おおいずみちいきほうかつしえんせんたー", "houkatsu", "oizumi", "東京都練馬区東大泉", "", False),
    ("関町地域包括支援センター", "せきまちちいきほうかつしえんせんたー", "houkatsu", "shakujii", "東京都練馬区関町北", "", False),
    ("豊玉北五丁目町会（デモ）", "とよたまきたごちょうめちょうかい", "chokai", "nerima", "東京都練馬区豊玉北5丁目", "", True),
    ("光が丘パークタウン大通り中央3号棟団地自治会", "ひかりがおかぱーくたうんおおどおりちゅうおうさんごうとうだんちじちかい", "chokai", "hikarigaoka", "東京都練馬区光が丘", "", False),
    ("むつみ台団地自治会", "むつみだいだんちじちかい", "chokai", "hikarigaoka", "東京都練馬区田柄", "", False),
    ("NPO法人 ねりま見守りネット（デモ）", "ねりまみまもりねっと", "npo", "shakujii", "東京都練馬区石神井町3丁目", "", True),
    ("住民たすけあい ふろしき", "じゅうみんたすけあい ふろしき", "volunteer", "shakujii", "", "", False),
    ("大泉おちゃのみボランティアの会（デモ）", "おおいずみおちゃのみぼらんてぃあのかい", "volunteer", "oizumi", "東京都練馬区大泉学園町", "", True),
    # The company that signed the ward's agreement (kodomo_cafe.csv: 2019-06-06); it runs both stores' cafés.
    ("タリーズコーヒージャパン", "たりーずこーひーじゃぱん", "business", None, "", "", False),
    # The operator of 街かどケアカフェこぶし in 2016 and its phone, as the interview gave them (carecafe.csv).
    (COBUSHI_OPERATOR, "しゃくじいこうれいしゃそうだんせんたー ふじみだいししょ", "houkatsu", "shakujii",
     "東京都練馬区高野台1-7-29 谷原出張所内", "03-5372-6300", False),
    ("さくらだい保育園（デモ）", "さくらだいほいくえん", "childcare", "nerima", "東京都練馬区桜台3丁目", "", True),
]

DESCRIPTIONS = {
    COBUSHI_OPERATOR: "2016年の取材記事で、街かどケアカフェこぶしの運営者として紹介された高齢者相談センターの支所です。"
                      "2018年4月に区内の高齢者相談センターは地域包括支援センターに再編されており、現在のセンター名は未確認です。",
    "タリーズコーヒージャパン": "2019年6月6日に練馬区と連携協定を結び、大泉学園店と石神井公園店で練馬こどもカフェを始めました。",
    "練馬区立区民協働交流センター": "区民協働とNPO・ボランティア活動を支える区立の施設です（Coconeri 3階、2014年4月開設）。",
}

# One demo login per kind of organization: (e-mail, name, organization name, role)
MEMBERS = [
    ("ward@demo.nerima.example.jp", "練馬 花子", "練馬区 福祉部 管理課", "representative"),
    ("shakyo@demo.nerima.example.jp", "社協 次郎", "練馬区社会福祉協議会", "representative"),
    ("npo@demo.nerima.example.jp", "見守 三郎", "NPO法人 ねりま見守りネット（デモ）", "representative"),
    ("houkatsu@demo.nerima.example.jp", "北町 春子", "北町はるのひ地域包括支援センター", "representative"),
    ("chokai@demo.nerima.example.jp", "豊玉 一郎", "豊玉北五丁目町会（デモ）", "representative"),
    ("volunteer@demo.nerima.example.jp", "大泉 茶子", "大泉おちゃのみボランティアの会（デモ）", "representative"),
    ("business@demo.nerima.example.jp", "田中 珈琲", "タリーズコーヒージャパン", "editor"),
    ("childcare@demo.nerima.example.jp", "桜台 保子", "さくらだい保育園（デモ）", "representative"),
    ("editor@demo.nerima.example.jp", "編集 四郎", "NPO法人 ねりま見守りネット（デモ）", "editor"),
]

RESIDENTS = [
    ("resident@demo.nerima.example.jp", "練馬 太郎", "ねりま たろう", "豊玉北", 5),
    ("resident2@demo.nerima.example.jp", "石神井 みどり", "しゃくじい みどり", "石神井町", 3),
    ("resident3@demo.nerima.example.jp", "光 ひかる", "ひかり ひかる", "光が丘", 2),
]

# (name, reading, address, town, 丁目, station, minutes, wheelchair, elevator, toilet)
PLACES = [
    ("練馬区役所 本庁舎 19階会議室", "ねりまくやくしょ", "東京都練馬区豊玉北6-12-1", "豊玉北", 6, "練馬", 5, True, True, True),
    ("Coconeri 区民協働交流センター", "ここねり", "東京都練馬区練馬1-17-1", "練馬", 1, "練馬", 1, True, True, True),
    ("桜台地区区民館", "さくらだいちくくみんかん", "東京都練馬区桜台3丁目", "桜台", 3, "桜台", 6, True, False, True),
    ("北町地域集会所", "きたまちちいきしゅうかいじょ", "東京都練馬区北町6-35-7", "北町", 6, "東武練馬", 8, True, True, True),
    ("光が丘区民センター", "ひかりがおかくみんせんたー", "東京都練馬区光が丘2丁目", "光が丘", 2, "光が丘", 3, True, True, True),
    ("文化交流ひろば", "ぶんかこうりゅうひろば", "東京都練馬区光が丘3-1-1", "光が丘", 3, "光が丘", 5, True, True, True),
    ("田柄地域集会所", "たがらちいきしゅうかいじょ", "東京都練馬区田柄4丁目", "田柄", 4, "平和台", 12, False, False, False),
    ("谷原出張所 ケアカフェこぶし", "やはらしゅっちょうじょ", "東京都練馬区高野台1-7-29", "高野台", 1, "練馬高野台", 10, True, False, True),
    ("石神井公園区民交流センター", "しゃくじいこうえんくみんこうりゅうせんたー", "東京都練馬区石神井町2丁目", "石神井町", 2, "石神井公園", 2, True, True, True),
    ("関区民センター", "せきくみんせんたー", "東京都練馬区関町北1丁目", "関町北", 1, "武蔵関", 7, True, True, True),
    ("上石神井北地域集会所", "かみしゃくじいきたちいきしゅうかいじょ", "東京都練馬区上石神井1丁目", "上石神井", 1, "上石神井", 5, False, False, True),
    ("リズモ大泉学園 会議室", "りずもおおいずみがくえん", "東京都練馬区東大泉1丁目", "東大泉", 1, "大泉学園", 2, True, True, True),
    ("タリーズコーヒー 大泉学園店", "たりーずこーひー おおいずみがくえんてん", "東京都練馬区東大泉2丁目", "東大泉", 2, "大泉学園", 1, True, False, False),
    ("大泉学園町地区区民館", "おおいずみがくえんちょうちくくみんかん", "東京都練馬区大泉学園町5丁目", "大泉学園町", 5, "大泉学園", 15, True, False, True),
]


# Applications that give the admin work: (name, reading, kind, area slug, status, staff's reason when returned).
APPLICATIONS = [
    ("高松みどりの会（デモ）", "たかまつみどりのかい", "volunteer", "hikarigaoka", PublicationStatus.PENDING, ""),
    ("石神井こども食堂ネット（デモ）", "しゃくじいこどもしょくどうねっと", "npo", "shakujii", PublicationStatus.PENDING, ""),
    (
        "大泉なかよし体操クラブ（デモ）",
        "おおいずみなかよしたいそうくらぶ",
        "volunteer",
        "oizumi",
        PublicationStatus.RETURNED,
        "活動の場所と頻度を紹介文に書いてください。また、公開する電話番号が個人の携帯電話のようです。団体の連絡先に変えてください。",
    ),
]
# Their representative (one login for all three, so the demo shows 承認待ち and 差戻し in マイ団体).
APPLICANT = ("applicant@demo.nerima.example.jp", "申請 五月")

# Which organization registered which place (so マイ団体 shows places to edit).
PLACE_OWNERS = {
    "北町地域集会所": "北町はるのひ地域包括支援センター",
    "光が丘区民センター": "光が丘パークタウン大通り中央3号棟団地自治会",
    "田柄地域集会所": "むつみ台団地自治会",
    "石神井公園区民交流センター": "NPO法人 ねりま見守りネット（デモ）",
    "上石神井北地域集会所": "住民たすけあい ふろしき",
    "リズモ大泉学園 会議室": "大泉おちゃのみボランティアの会（デモ）",
    "タリーズコーヒー 大泉学園店": "タリーズコーヒージャパン",
    "桜台地区区民館": "さくらだい保育園（デモ）",
    "Coconeri 区民協働交流センター": "練馬区立区民協働交流センター",
}

# Listings waiting for review: (organization, title, reading, summary, status, staff's reason when returned).
REVIEW_LISTINGS = [
    ("NPO法人 ねりま見守りネット（デモ）", "見守りボランティア入門講座（デモ）", "みまもりぼらんてぃあにゅうもんこうざ",
     "ひとり暮らしの高齢者を見守るときの声のかけ方を学びます。", PublicationStatus.PENDING, ""),
    ("豊玉北五丁目町会（デモ）", "町会の防災訓練（デモ）", "ちょうかいのぼうさいくんれん",
     "消火器の使い方と避難経路の確認をします。", PublicationStatus.RETURNED,
     "開催場所と集合時間を内容に書き加えてください。"),
]


def chome(town_name: str, number: int) -> Chome:
    return Chome.objects.get(town__name=town_name, number=number)


def demo_user(email: str, name: str, *, kana: str = "", chome_obj=None, is_staff: bool = False) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "full_name_kana": kana, "chome": chome_obj, "is_staff": is_staff}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        # Demo logins skip the e-mail verification step.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def demo_second_factor(user: User) -> None:
    """Give a demo staff account the demo authenticator app (once)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)


def _put_facts_right() -> None:
    """Demo databases loaded before issue 18 carry names and kinds the sources contradict: correct them in place."""
    for old, new in RENAMED_ORGANIZATIONS.items():
        if not Organization.objects.filter(name=new).exists():
            Organization.objects.filter(name=old).update(name=new, area=None, address="")
    kinds = {name: kind for name, _kana, kind, *_rest in ORGANIZATIONS}
    for name in ("練馬区立区民協働交流センター",):
        Organization.objects.filter(name=name).exclude(kind=kinds[name]).update(kind=kinds[name])


def load() -> None:
    areas = {area.slug: area for area in Area.objects.all()}
    now = timezone.now()
    _put_facts_right()
    for name, kana, kind, area, address, phone, fictional in ORGANIZATIONS:
        organization, _created = Organization.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana,
                "kind": kind,
                "area": areas.get(area),
                "address": address,
                "contact_phone": phone,
                "status": PublicationStatus.PUBLISHED,
                "published_at": now,
                "description": DESCRIPTIONS.get(name, f"{name}の紹介文です。地域の支え合いの活動をしています。"),
            },
        )
        if fictional:
            mark_fictional(organization)
    for email, name, org_name, role in MEMBERS:
        user = demo_user(email, name)
        Membership.objects.get_or_create(
            user=user, organization=Organization.objects.get(name=org_name), defaults={"role": role}
        )
    for email, name, kana, town, number in RESIDENTS:
        demo_user(email, name, kana=kana, chome_obj=chome(town, number))
    for name, kana, address, town, number, station, minutes, wheelchair, elevator, toilet in PLACES:
        if not Town.objects.filter(name=town).exists():
            continue
        Place.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana,
                "address": address,
                "chome": chome(town, number),
                "nearest_station": station,
                "walk_minutes": minutes,
                "wheelchair_accessible": wheelchair,
                "has_elevator": elevator,
                "has_accessible_toilet": toilet,
            },
        )

    _load_review_work(areas)
    from community import demo_children

    demo_children.load()


def _load_review_work(areas) -> None:
    """Places owned by organizations, and applications and listings waiting for staff (承認待ち, 差戻し)."""
    for place_name, org_name in PLACE_OWNERS.items():
        Place.objects.filter(name=place_name, organization__isnull=True).update(
            organization=Organization.objects.filter(name=org_name).first()
        )
    applicant = demo_user(*APPLICANT)
    for name, kana, kind, area, status, reason in APPLICATIONS:
        organization, _created = Organization.objects.get_or_create(
            name=name,
            defaults={
                "name_kana": kana,
                "kind": kind,
                "area": areas[area],
                "status": status,
                "review_note": reason,
                "contact_phone": "090-0000-0000" if reason else "",
                "description": f"{name}の登録申請です（架空のデモデータ）。",
            },
        )
        mark_fictional(organization)
        Membership.objects.get_or_create(
            user=applicant, organization=organization, defaults={"role": Membership.Role.REPRESENTATIVE}
        )
    for org_name, title, kana, summary, status, reason in REVIEW_LISTINGS:
        organization = Organization.objects.filter(name=org_name).first()
        if organization is None:
            continue
        Listing.objects.get_or_create(
            organization=organization,
            title=title,
            defaults={"title_kana": kana, "summary": summary, "status": status, "review_note": reason},
        )
