"""Demo data for the College and volunteer openings (all invented, marked 「（デモ）」 and registered as fiction).

Three cohorts, one in each state (intake open, in class, graduated); 36 openings across the five fields and
four areas; resident profiles whose matches differ; graduates who opted in. Running it twice changes nothing:
everything is found by a natural key, and dated rows (classes, applications) are made only with their parent.
"""

import datetime as dt

from django.utils import timezone

from community.demo import demo_user
from community.demo_fiction import fictional_ids, mark_fictional
from community.models import Area, Organization, Place, PublicationStatus, Session, User
from volunteers.models import (
    ClassAttendance,
    Cohort,
    CollegeApplication,
    CollegeCourse,
    Opening,
    OpeningApplication,
    VolunteerProfile,
)
from volunteers.services import lottery

Status = CollegeApplication.Status
FIELDS = ["welfare", "disaster", "farm", "green", "eco"]
FIELD_NAMES = {"welfare": "福祉", "disaster": "防災", "farm": "農", "green": "みどり", "eco": "エコスタイル"}
COLLEGE_ORG = "練馬区社会福祉協議会"
# The plan: 「２年間の修学期間で高齢、子育て、障害、貧困など幅広く福祉について学び」. How many classes a course has is
# not in the sources: the demo holds one every other week for the two years, August off (marked as demo).
DESCRIPTIONS = {
    "welfare": "高齢、子育て、障害、貧困など、幅広く福祉について学びます。基礎講義、地域の現場見学、団体での実習、仲間との企画づくり。",
}
CLASS_TOPICS = ["オリエンテーション", "地域福祉の基礎", "現場見学", "団体での実習", "実習のふりかえり", "企画づくり"]
CLASS_EVERY = dt.timedelta(days=14)
CLASS_NOTE = "授業の回数と日程はデモ用の仮のものです（出典にありません）。"
CLASS_PLACE = "Coconeri 区民協働交流センター"

# (field, title, summary, skills, suitable_for)
OPENING_IDEAS = [
    ("welfare", "ふれあいサロンのお茶出し", "高齢者サロンでお茶を出し、おしゃべりの輪に入ってください。", ["listening", "cooking"], ["beginner", "short", "senior"]),
    ("welfare", "ひとり暮らし高齢者の見守り訪問", "月2回、決まったお宅を訪ねて様子をうかがいます。", ["listening"], ["senior"]),
    ("welfare", "子ども食堂の配膳", "夕方の子ども食堂で配膳と片付けをします。", ["cooking", "children"], ["beginner", "family", "student"]),
    ("welfare", "買い物付き添いボランティア", "足腰の弱い方の買い物に付き添います。", ["driving"], ["short"]),
    ("welfare", "外国人家庭の子どもの学習支援", "宿題を見たり、日本語で話し相手になります。", ["children"], ["language", "student"]),
    ("welfare", "障害のある方のスポーツ行事の手伝い", "会場の誘導や用具の準備をします。", ["physical"], ["beginner", "family"]),
    ("welfare", "介護予防体操の補助", "体操教室で参加者の見守りと受付をします。", ["care", "first_aid"], ["senior", "short"]),
    ("welfare", "傾聴電話ボランティア", "電話でお話を聞きます。研修があります。", ["listening"], ["short"]),
    ("disaster", "防災倉庫の点検", "町会の防災倉庫の備蓄品を点検します。", ["physical"], ["beginner", "short"]),
    ("disaster", "避難拠点の運営訓練スタッフ", "小学校の避難拠点訓練で受付や誘導をします。", ["first_aid"], ["beginner", "family"]),
    ("disaster", "要配慮者名簿づくりの手伝い", "災害時に支援が必要な方の名簿整理をします。", ["computer"], ["senior"]),
    ("disaster", "外国人向け防災説明会の通訳", "やさしい日本語や外国語で説明を手伝います。", [], ["language"]),
    ("disaster", "防災マップのまち歩き", "危ない場所を歩いて確かめ、地図にまとめます。", ["publicity"], ["family", "beginner"]),
    ("disaster", "夜間パトロール", "町会の防犯パトロールに参加します。", [], ["short"]),
    ("disaster", "救命講習の運営補助", "消防署の救命講習で準備と受付をします。", ["first_aid"], ["beginner"]),
    ("farm", "援農ボランティア（野菜の収穫）", "区内の農家で収穫と袋詰めを手伝います。", ["gardening", "physical"], ["beginner", "family"]),
    ("farm", "体験農園の受付", "区民農園の体験日に受付と案内をします。", [], ["short", "senior"]),
    ("farm", "練馬大根の種まき手伝い", "伝統野菜の種まきと間引きを手伝います。", ["gardening"], ["family"]),
    ("farm", "農産物直売所の手伝い", "直売所で品出しと会計を手伝います。", ["computer"], ["short"]),
    ("farm", "学校農園の草取り", "小学校の農園で子どもたちと草取りをします。", ["gardening", "children"], ["family", "beginner"]),
    ("farm", "外国人住民との収穫祭", "収穫した野菜で多文化の料理会を開きます。", ["cooking"], ["language", "family"]),
    ("green", "公園の花壇づくり", "季節の花を植え、水やりをします。", ["gardening"], ["beginner", "family", "senior"]),
    ("green", "街路樹の落ち葉清掃", "秋の落ち葉を集めて堆肥にします。", ["physical"], ["short", "beginner"]),
    ("green", "屋敷林の保全作業", "区内に残る屋敷林の下草刈りをします。", ["physical", "gardening"], []),
    ("green", "石神井公園の自然観察ガイド", "来園者に池と林の生きものを案内します。", ["publicity"], ["senior", "language"]),
    ("green", "みどりの写真展の準備", "みどりの写真を集め、展示を準備します。", ["publicity", "computer"], ["student"]),
    ("green", "緑のカーテンの講習会補助", "ゴーヤの緑のカーテンづくりを手伝います。", ["gardening"], ["short"]),
    ("green", "親子で樹木の名札づくり", "公園の木に名札をつける親子イベントです。", ["children"], ["family"]),
    ("eco", "リサイクル品の仕分け", "集まったリサイクル品を仕分けします。", ["physical"], ["beginner", "short"]),
    ("eco", "エコフェスタの運営スタッフ", "環境イベントのブースを運営します。", ["publicity"], ["student", "family"]),
    ("eco", "子ども服リユース会の手伝い", "子ども服の受け取りと並べ替えをします。", ["children"], ["family", "short"]),
    ("eco", "省エネ相談会の受付", "省エネ相談会で受付と案内をします。", ["computer"], ["senior"]),
    ("eco", "外国語のごみ出しガイドづくり", "ごみの出し方を外国語で伝える資料をつくります。", ["computer"], ["language"]),
    ("eco", "フードドライブの受付", "家庭で余った食品を集める受付をします。", [], ["beginner", "short"]),
    ("eco", "マイバッグづくり講座の補助", "古布でマイバッグをつくる講座を手伝います。", [], ["senior", "family"]),
    ("eco", "川のごみ拾い", "石神井川沿いのごみを拾います。", ["physical"], ["family", "beginner", "short"]),
]

OPENING_ORGANIZATIONS = [
    "NPO法人 ねりま見守りネット（デモ）",
    "豊玉北五丁目町会（デモ）",
    "大泉おちゃのみボランティアの会（デモ）",
    "さくらだい保育園（デモ）",
    "練馬区社会福祉協議会",
]
AREA_ORDER = ["nerima", "hikarigaoka", "shakujii", "oizumi"]

# Residents' profiles whose matches differ: (email, fields, areas, weekdays, times, skills, languages, visibility)
PROFILES = [
    ("resident@demo.nerima.example.jp", ["welfare"], ["nerima"], [0, 2], ["am"], ["listening", "cooking"], [], "private"),
    ("resident2@demo.nerima.example.jp", ["green", "farm"], ["shakujii"], [5], ["pm"], ["gardening"], [], "organizations"),
    ("resident3@demo.nerima.example.jp", ["disaster"], ["hikarigaoka"], [1, 3], ["evening", "am"], ["first_aid"], ["en"], "organizations"),
]

GRADUATES = [
    ("graduate1@demo.nerima.example.jp", "修了 一子（デモ）", "welfare", ["nerima", "hikarigaoka"], "サロンの立ち上げを手伝いたいです。", "public"),
    ("graduate2@demo.nerima.example.jp", "修了 二郎（デモ）", "disaster", ["shakujii"], "町会の防災訓練の企画に関わりたいです。", "public"),
    ("graduate3@demo.nerima.example.jp", "修了 三枝（デモ）", "green", ["oizumi"], "公園の花壇を地域の人と育てたいです。", "organizations"),
    ("graduate4@demo.nerima.example.jp", "修了 四季（デモ）", "eco", ["nerima"], "子ども向けのエコ講座を開きたいです。", "public"),
    ("graduate5@demo.nerima.example.jp", "修了 五月（デモ）", "farm", ["oizumi", "shakujii"], "援農を続けながら仲間を増やしたいです。", "organizations"),
]


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _cohort(number: int, *, opens: dt.datetime, closes: dt.datetime, starts: dt.date, graduated: bool):
    cohort, created = Cohort.objects.get_or_create(
        number=number,
        defaults={
            "name": f"第{number}期（デモ）",
            "description": "デモ用の架空の期です。実際の募集内容は区のお知らせをご確認ください。",
            "intake_opens_at": opens,
            "intake_closes_at": closes,
            "course_starts_on": starts,
            "course_ends_on": starts + dt.timedelta(days=700),
        },
    )
    mark_fictional(cohort)
    if not created:
        return cohort, False
    organization = Organization.objects.get(name=COLLEGE_ORG)
    place = Place.objects.filter(name=CLASS_PLACE).first()
    for field in FIELDS:
        course = CollegeCourse.objects.create(
            cohort=cohort, field=field, capacity=4, organization=organization, place=place,
            title=f"{cohort.name} {FIELD_NAMES[field]}コース", title_kana=f"だい{number}き {FIELD_NAMES[field]}",
            description=DESCRIPTIONS.get(field, f"{FIELD_NAMES[field]}の基礎講義、地域の現場見学、団体での実習、仲間との企画づくり。")
            + "\n" + CLASS_NOTE,
            status=PublicationStatus.PUBLISHED, published_at=timezone.now(),
        )
        _classes(course, place)
    return cohort, True


def _classes(course, place) -> None:
    """Every other week over the two years (August off); get_or_create by start, so older demos are topped up."""
    offset = dt.timedelta(days=FIELDS.index(course.field))
    day, index = course.cohort.course_starts_on + offset, 0
    while day <= course.cohort.course_ends_on:
        if day.month != 8:
            # The first two classes open the course; the others go round the rest of the topics.
            topic = CLASS_TOPICS[index] if index < 2 else CLASS_TOPICS[2 + (index - 2) % (len(CLASS_TOPICS) - 2)]
            Session.objects.get_or_create(
                listing=course, starts_at=_aware(day, 14),
                defaults={"title": f"{FIELD_NAMES[course.field]}：{topic}", "ends_at": _aware(day, 16), "place": place},
            )
            index += 1
        day += CLASS_EVERY


def _applicants(cohort, prefix: str, per_field: dict[str, int]) -> None:
    for field, count in per_field.items():
        course = cohort.courses.get(field=field)
        for i in range(count):
            user = demo_user(f"{prefix}-{field}-{i}@demo.nerima.example.jp", f"受講 {FIELD_NAMES[field]}{i + 1}（デモ）")
            CollegeApplication.objects.get_or_create(
                cohort=cohort, user=user,
                defaults={"course": course, "motivation": "地域で役に立ちたいと思い申し込みました。",
                          "availability": ["weekend"], "consent": True},
            )


def _draw_and_attend(cohort, *, attend_until: dt.datetime) -> None:
    """Run the real lottery with a fixed seed; mark the demo results as already mailed; record attendance."""
    for course in cohort.courses.all():
        lottery.course_draw(course=course, seed=2026 + cohort.number, now=cohort.intake_closes_at + dt.timedelta(days=1))
        course.applications.update(result_mailed_at=cohort.intake_closes_at + dt.timedelta(days=1))
        students = list(course.applications.filter(status=Status.ENROLLED).order_by("pk"))
        for index, session in enumerate(course.sessions.filter(starts_at__lte=attend_until)):
            for position, student in enumerate(students):
                ClassAttendance.objects.get_or_create(
                    session=session, application=student, defaults={"present": (index + position) % 4 != 3}
                )


def _load_college(now: dt.datetime) -> None:
    today = now.date()
    # Demo databases made before issue 18 gave each two-year course 4 classes: add the rest.
    place = Place.objects.filter(name=CLASS_PLACE).first()
    for course in CollegeCourse.objects.filter(cohort__in=fictional_ids(Cohort)).select_related("cohort"):
        if course.sessions.count() < 10:
            _classes(course, place)
    graduated, created = _cohort(
        1, opens=now - dt.timedelta(days=900), closes=now - dt.timedelta(days=870),
        starts=today - dt.timedelta(days=800), graduated=True,
    )
    if created:
        _applicants(graduated, "c1", {"welfare": 5, "disaster": 3, "farm": 2, "green": 2, "eco": 2})
        _draw_and_attend(graduated, attend_until=now)
        from volunteers.services.college import course_graduate

        for course in graduated.courses.all():
            course_graduate(course=course, now=now)
        _graduates(graduated)
    in_class, created = _cohort(
        2, opens=now - dt.timedelta(days=200), closes=now - dt.timedelta(days=170),
        starts=today - dt.timedelta(days=60), graduated=False,
    )
    if created:
        _applicants(in_class, "c2", {"welfare": 6, "disaster": 5, "farm": 3, "green": 2, "eco": 1})
        _draw_and_attend(in_class, attend_until=now)
    intake, created = _cohort(
        3, opens=now - dt.timedelta(days=10), closes=now + dt.timedelta(days=20),
        starts=today + dt.timedelta(days=60), graduated=False,
    )
    if created:
        _applicants(intake, "c3", {"welfare": 2, "green": 1})


def _graduates(cohort) -> None:
    """Demo graduates who opted in to a profile (their field is finished at the College)."""
    areas = {area.slug: area for area in Area.objects.all()}
    for email, name, field, area_slugs, wishes, visibility in GRADUATES:
        user = demo_user(email, name)
        CollegeApplication.objects.get_or_create(
            cohort=cohort, user=user,
            defaults={"course": cohort.courses.get(field=field), "motivation": "地域の担い手になりたい。",
                      "availability": ["weekend"], "consent": True, "status": Status.GRADUATED,
                      "attendance_percent": 90, "graduated_at": timezone.now()},
        )
        profile, created = VolunteerProfile.objects.get_or_create(
            user=user, defaults={"activity_fields": [field], "weekdays": [5, 6], "times": ["am", "pm"],
                                 "wishes": wishes, "visibility": visibility},
        )
        if created:
            profile.areas.set([areas[slug] for slug in area_slugs])


def _load_openings(today: dt.date) -> list[Opening]:
    areas = {area.slug: area for area in Area.objects.all()}
    organizations = [Organization.objects.get(name=name) for name in OPENING_ORGANIZATIONS]
    openings = []
    for index, (field, title, summary, skills, suitable) in enumerate(OPENING_IDEAS):
        area = areas[AREA_ORDER[index % 4]]
        organization = organizations[index % len(organizations)]
        opening, _ = Opening.objects.get_or_create(
            title=f"{title}（{area.name}・デモ）",
            organization=organization,
            defaults={
                "title_kana": title,
                "summary": summary,
                "description": summary + "\n初めての方には、経験のあるメンバーが付き添います。（架空のデモ募集です）",
                "field": field,
                "area": area,
                "weekdays": [index % 7, (index + 2) % 7] if index % 3 else [index % 7],
                "times": [["am"], ["pm"], ["am", "pm"], ["evening"]][index % 4],
                "schedule_note": "1回2時間程度",
                "people_needed": 1 + index % 5,
                "skills": skills,
                "suitable_for": suitable,
                "closes_on": today + dt.timedelta(days=14 + index * 2),
                "status": PublicationStatus.PUBLISHED if index % 12 != 11 else PublicationStatus.PENDING,
                "published_at": timezone.now(),
                "contact_text": f"{organization.name}（ポータルの応募フォームから）",
            },
        )
        openings.append(opening)
    return openings


def _load_profiles_and_applications(openings: list[Opening]) -> None:
    areas = {area.slug: area for area in Area.objects.all()}
    for email, fields, area_slugs, weekdays, times, skills, languages, visibility in PROFILES:
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        profile, created = VolunteerProfile.objects.get_or_create(
            user=user,
            defaults={"activity_fields": fields, "weekdays": weekdays, "times": times, "skills": skills,
                      "languages": languages, "visibility": visibility,
                      "wishes": "無理のない範囲で、近所で続けられる活動をしたいです。"},
        )
        if created:
            profile.areas.set([areas[slug] for slug in area_slugs])
    # A few applications so the organizations' pages and the staff numbers have something to show.
    resident2 = User.objects.filter(email="resident2@demo.nerima.example.jp").first()
    resident3 = User.objects.filter(email="resident3@demo.nerima.example.jp").first()
    samples = [(resident2, "green", OpeningApplication.Status.ACCEPTED), (resident3, "disaster", OpeningApplication.Status.APPLIED)]
    for user, field, status in samples:
        opening = next((o for o in openings if o.field == field and o.is_published), None)
        if user is None or opening is None:
            continue
        OpeningApplication.objects.get_or_create(
            opening=opening, user=user,
            defaults={"message": "週末なら参加できます。よろしくお願いします。", "status": status,
                      "decided_at": timezone.now() if status == OpeningApplication.Status.ACCEPTED else None},
        )


def load() -> None:
    now = timezone.now()
    _load_college(now)
    openings = _load_openings(timezone.localdate())
    _load_profiles_and_applications(openings)
