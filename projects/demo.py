"""Demo content: 令和8年度 call open, 令和7年度 decided, applications in every status, the showcase.

Real adopted projects come from demo_data/chiiki_okoshi_projects.csv; their years are estimates and say
so. Everything else (ceilings, applications, scores, the 令和7年度 projects) is fictional and named （デモ）.
"""

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from community.demo import demo_user
from community.fiscal import FiscalYear
from community.models import Organization, Place, PublicationStatus, Session
from projects.models import (
    Application,
    ApplicationMember,
    BudgetLine,
    Call,
    Category,
    ExpertConsultation,
    Report,
    ReportBudgetLine,
    Score,
    ShowcaseProject,
    Stage,
)

CSV_PATH = Path(__file__).resolve().parent.parent / "nerima_portal" / "demo_data" / "chiiki_okoshi_projects.csv"

CATEGORIES = [
    ("地域課題の解決", "見守り、居場所づくり、防災など、地域の困りごとに取り組む事業"),
    ("やさしいまちづくり（地域福祉・福祉のまちづくり）",
     "高齢の方、障害のある方、子育て家庭、外国人住民など、誰もが暮らしやすいまちをつくる事業"),
    ("多文化共生", "外国人住民と日本人住民が交流し、支え合う事業"),
    ("都市農業・みどり", "練馬の農とみどりを生かした地域の魅力づくり"),
]
# Ceilings are demo values; the ward's articles mention up to 1,000,000 yen a year for up to 3 years.
STAGES = [
    (1, "スタートアップ", 300_000, "新しく活動を始める事業（デモ用の金額）"),
    (2, "ステップアップ", 600_000, "前年度の活動報告が承認された事業が、活動を広げる段階（デモ用の金額）"),
    (3, "発展", 1_000_000, "地域に根づき、助成後の自立を目指す段階（年度最大100万円）"),
]
# CSV organization name → kind (the CSV has no kind; these are our reading of the names).
KINDS = {"東京大学大学院医学系研究科 健康科学・看護学専攻": Organization.Kind.UNIVERSITY}
PHOTO_COLOURS = [(0, 23, 193), (25, 122, 75), (180, 80, 0), (120, 40, 140), (0, 110, 130)]


def _call(fiscal_year, title, opens_on, closes_on, status):
    """A call whose dates agree with each other: it closes before its project period (June to March) starts,
    and the report is due at the end of the April after the period (the dates themselves are demo values)."""
    dates = {"opens_on": opens_on, "closes_on": closes_on, "status": status,
             "report_due_on": dt.date(fiscal_year + 1, 4, 30),
             "project_period": f"{fiscal_year}年6月〜{fiscal_year + 1}年3月"}
    call, created = Call.objects.get_or_create(
        fiscal_year=fiscal_year,
        defaults={"title": title, **dates,
                  "description": "地域の課題に取り組む団体の事業を、段階に応じて助成します。（デモ用の募集です）"},
    )
    if not created and any(getattr(call, field) != value for field, value in dates.items()):
        # Demo databases made before issue 18 opened a call after its project period had started.
        Call.objects.filter(pk=call.pk).update(**dates)
    for order, (name, description) in enumerate(CATEGORIES):
        Category.objects.get_or_create(call=call, name=name, defaults={"description": description, "sort_order": order})
    for level, name, ceiling, description in STAGES:
        Stage.objects.get_or_create(
            call=call, level=level, defaults={"name": name, "ceiling_yen": ceiling, "description": description}
        )
    return call


def _photo(seed: int) -> ContentFile:
    """A plain illustration (not a real photo) so the showcase shows how photos look."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 520), PHOTO_COLOURS[seed % len(PHOTO_COLOURS)])
    draw = ImageDraw.Draw(image)
    for i in range(5):
        draw.ellipse((60 + i * 140, 300 - (i % 2) * 60, 180 + i * 140, 420 - (i % 2) * 60), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"showcase-demo-{seed}.png")


def _estimated_year(text: str) -> tuple[int, bool]:
    digits = "".join(ch if ch.isdigit() else " " for ch in text).split()
    year = next((int(d) for d in digits if len(d) == 4), 2017)
    return year, "推定" in text


def _showcase_from_csv() -> None:
    with CSV_PATH.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["program"] == "地域おこしプロジェクト"]
    for order, row in enumerate(rows):
        organization, _created = Organization.objects.get_or_create(
            name=row["organization"],
            defaults={
                "name_kana": row["organization"], "kind": KINDS.get(row["organization"], Organization.Kind.VOLUNTEER),
                "status": PublicationStatus.PUBLISHED, "published_at": timezone.now(),
                "description": f"地域おこしプロジェクト「{row['project']}」の実施団体。",
            },
        )
        year, estimated = _estimated_year(row["year"])
        project, created = ShowcaseProject.objects.get_or_create(
            title=row["project"], organization=organization,
            defaults={
                "fiscal_year": year, "year_is_estimated": estimated,
                "year_note": f"出典の記載: {row['year']}。{row['note']}".strip("。") + "。",
                "summary": row["type_or_summary"], "source_url": row["source"], "sort_order": order,
                "results": "出典の記事で紹介された取り組みです。詳しい成果は出典をご覧ください。",
                "photo_alt": "イメージ画像（デモ用のイラストで、実際の活動写真ではありません）",
            },
        )
        if created:
            project.photo.save(f"showcase-{order}.png", _photo(order), save=True)


def _application(call, org_name, *, title, stage_level, category, status, requested, granted=None, reason=""):
    organization = Organization.objects.get(name=org_name)
    stage = call.stages.get(level=stage_level)
    application, created = Application.objects.get_or_create(
        call=call, organization=organization,
        defaults={
            "title": title, "stage": stage, "category": call.categories.get(name=category),
            "purpose": "地域で孤立しがちな方が気軽に立ち寄れる場をつくり、見守りの輪を広げます。（デモ）",
            "plan": "月2回、集会所でお茶会と健康体操を開き、参加できない方には訪問で声をかけます。",
            "schedule": "6月 準備・チラシ配布、7月〜2月 月2回開催、3月 振り返りと報告",
            "requested_amount": requested, "status": status, "granted_amount": granted, "decision_reason": reason,
            "submitted_at": None if status == Application.Status.DRAFT else timezone.now() - dt.timedelta(days=20),
            "decided_at": timezone.now() - dt.timedelta(days=5) if status in Application.DECISIONS else None,
        },
    )
    if created:
        BudgetLine.objects.bulk_create([
            BudgetLine(application=application, kind="income", item="地域おこしプロジェクト助成金", amount=requested),
            BudgetLine(application=application, kind="income", item="参加費（1回100円）", amount=24_000, sort_order=1),
            BudgetLine(application=application, kind="expense", item="会場使用料", amount=requested // 2),
            BudgetLine(application=application, kind="expense", item="講師謝礼", amount=requested // 2, sort_order=1),
            BudgetLine(application=application, kind="expense", item="茶菓・消耗品", amount=24_000, sort_order=2),
        ])
        ApplicationMember.objects.bulk_create([
            ApplicationMember(application=application, name="代表 デモ太郎", role="代表"),
            ApplicationMember(application=application, name="会計 デモ花子", role="会計", sort_order=1),
        ])
    return application


def _report(application, status):
    report, created = Report.objects.get_or_create(
        application=application,
        defaults={"status": status, "results": "延べ240人が参加し、見守りの連絡網が3町会に広がりました。（デモ）",
                  "participants": 240, "submitted_at": timezone.now() - dt.timedelta(days=60)},
    )
    if created:
        ReportBudgetLine.objects.bulk_create([
            ReportBudgetLine(report=report, kind="income", item="地域おこしプロジェクト助成金",
                             amount=application.granted_amount or 0),
            ReportBudgetLine(report=report, kind="expense", item="会場使用料・講師謝礼",
                             amount=application.granted_amount or 0),
        ])
    return report


def _reviewer():
    from django.contrib.auth.models import Group

    from community.roles import REVIEWER

    reviewer = demo_user("reviewer@demo.nerima.example.jp", "審査員 デモ", is_staff=True)
    # The group load_demo synced from the role matrix (community/roles.py); no rights given by hand.
    reviewer.groups.add(Group.objects.get(name=REVIEWER))
    return reviewer


def _consultation_slots():
    organization = Organization.objects.get(name="練馬区立区民協働交流センター")
    place = Place.objects.filter(name="Coconeri 区民協働交流センター").first()
    listing, _created = ExpertConsultation.objects.get_or_create(
        title="専門家による経営相談（デモ）",
        defaults={"organization": organization, "title_kana": "せんもんかによるけいえいそうだん",
                  "expert_name": "相談 デモ子（中小企業診断士）", "expertise": "会計・資金調達・団体の運営",
                  "place": place, "status": PublicationStatus.DRAFT},
    )
    start_day = timezone.localdate() + dt.timedelta(days=7)
    for offset in range(4):
        day = start_day + dt.timedelta(days=offset * 7)
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(14, 0)))
        Session.objects.get_or_create(
            listing=listing, starts_at=starts,
            defaults={"ends_at": starts + dt.timedelta(hours=1), "capacity": 1, "signup_required": True},
        )


def load() -> None:
    today = timezone.localdate()
    year = FiscalYear.current().year
    # Last year's call is decided and reported, this year's projects are under way, next year's call is open now.
    last = _call(year - 1, "地域おこしプロジェクト 募集", dt.date(year - 2, 11, 1), dt.date(year - 1, 1, 31),
                 Call.Status.DECIDED)
    this = _call(year, "地域おこしプロジェクト 募集", dt.date(year - 1, 11, 1), dt.date(year, 1, 29), Call.Status.DECIDED)
    upcoming = _call(year + 1, "地域おこしプロジェクト 募集", today - dt.timedelta(days=7), today + dt.timedelta(days=60),
                     Call.Status.OPEN)
    for name, kind in KINDS.items():
        Organization.objects.filter(name=name).exclude(kind=kind).update(kind=kind)
    _showcase_from_csv()
    yasashii = CATEGORIES[1][0]
    # 令和7年度: decided, with reports (accepted lets 大泉 step up this year).
    adopted = _application(last, "大泉おちゃのみボランティアの会（デモ）", title="おちゃのみ見守りサロン（デモ）",
                           stage_level=1, category=yasashii, status=Application.Status.ADOPTED, requested=300_000,
                           granted=300_000, reason="地域の見守りにつながる計画が具体的です。")
    _report(adopted, Report.Status.ACCEPTED)
    conditional = _application(last, "さくらだい保育園（デモ）", title="親子で農とふれあう畑の日（デモ）", stage_level=1,
                               category=CATEGORIES[3][0], status=Application.Status.CONDITIONAL, requested=250_000,
                               granted=200_000, reason="農地の使用について地権者の同意書を提出することを条件とします。")
    _report(conditional, Report.Status.SUBMITTED)
    _application(last, "豊玉北五丁目町会（デモ）", title="防災マップづくり（デモ）", stage_level=1,
                 category=CATEGORIES[0][0], status=Application.Status.REJECTED, requested=300_000,
                 reason="既存の区の事業と重なる部分が大きいため。")
    ShowcaseProject.objects.get_or_create(
        title=adopted.title, organization=adopted.organization,
        defaults={"application": adopted, "fiscal_year": last.fiscal_year, "summary": adopted.plan,
                  "results": adopted.report.results, "photo_alt": "サロンの様子のイメージ（デモ）"},
    )
    # This year: 大泉 stepped up (a continuing group), 豊玉 adopted for the first time (a new one).
    _application(this, "大泉おちゃのみボランティアの会（デモ）", title="おちゃのみサロンを3か所に（デモ）", stage_level=2,
                 category=yasashii, status=Application.Status.ADOPTED, requested=600_000, granted=600_000,
                 reason="前年度の報告が承認され、活動を広げる計画が具体的です。")
    _application(this, "豊玉北五丁目町会（デモ）", title="多言語の防災カード（デモ）", stage_level=1,
                 category=CATEGORIES[2][0], status=Application.Status.ADOPTED, requested=200_000, granted=200_000,
                 reason="外国人住民と一緒に防災を考える計画です。")
    # Next year's call, open now: a draft (the NPO demo login), submitted ones with scores. This year's reports are
    # not in yet, so both groups apply at this year's stage again (projects.services.stages).
    _application(upcoming, "NPO法人 ねりま見守りネット（デモ）", title="見守りネット 電話でつながる会（デモ）",
                 stage_level=1, category=yasashii, status=Application.Status.DRAFT, requested=280_000)
    step_up = _application(upcoming, "大泉おちゃのみボランティアの会（デモ）", title="おちゃのみサロンを地域の拠点に（デモ）",
                           stage_level=2, category=yasashii, status=Application.Status.SUBMITTED, requested=600_000)
    submitted = _application(upcoming, "豊玉北五丁目町会（デモ）", title="防災カードを町会の外へ（デモ）", stage_level=1,
                             category=CATEGORIES[2][0], status=Application.Status.SUBMITTED, requested=200_000)
    reviewer = _reviewer()
    for application, points in ((step_up, 4), (submitted, 3)):
        Score.objects.get_or_create(
            application=application, reviewer=reviewer,
            defaults={"need_points": points, "feasibility_points": points, "impact_points": points,
                      "sustainability_points": points, "budget_points": points, "total": points * 5,
                      "comment": "計画が具体的で、担い手も確保されています。（デモ）"},
        )
    _consultation_slots()
