"""The yearly figures of 重点取組1 and 3(1) (町会・自治会, 民生・児童委員, カレッジ and matching, NPO support,
協働推進員), as community.figures tables. Counts only: no name, message or contact detail leaves this module.
Other apps read them through volunteers.queries.
"""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from community import figures
from community.models import Session
from volunteers.models import (
    ActivityField,
    AssociationProfile,
    CollaboratorRegistration,
    CollegeApplication,
    CommissionerContact,
    CommissionerDistrict,
    CoordinatorTeam,
    GroupProfile,
    JoinInquiry,
    NpoSeminar,
    OpeningApplication,
    VolunteerHours,
    VolunteerInvitation,
)


def _in_year(field: str, fiscal_year) -> Q:
    return Q(**{f"{field}__gte": fiscal_year.starts_at, f"{field}__lt": fiscal_year.ends_at})


# --- (1) 町会・自治会 -----------------------------------------------------------------------------------------

def association_tables(fiscal_year) -> list[figures.Table]:
    listed = _("ポータルに載っている町会・自治会")
    associations = (
        AssociationProfile.objects.published()
        .filter(Q(organization__published_at__isnull=True) | Q(organization__published_at__lt=fiscal_year.ends_at))
        .values("organization__area").annotate(n=Count("pk")).order_by()
    )
    directory = figures.grid(
        "associations", _("町会・自治会の数"), [listed], {(listed, r["organization__area"]): r["n"] for r in associations},
        first_column=_("項目"), unit=_("団体"), note=_("年度末までにポータルで公開された町会・自治会の紹介ページの数です。"),
    )
    received = _("加入の問い合わせ")
    labels = {"": _("結果の記録なし"), **dict(JoinInquiry.Outcome.choices)}
    rows = (
        JoinInquiry.objects.filter(_in_year("created_at", fiscal_year))
        .values("association__area", "outcome").annotate(n=Count("pk")).order_by()
    )
    counts: dict = defaultdict(int)
    for row in rows:
        counts[(received, row["association__area"])] += row["n"]
        counts[(str(labels[row["outcome"]]), row["association__area"])] += row["n"]
    inquiries = figures.grid(
        "join_inquiries", _("加入の問い合わせと結果"),
        [received, *[str(labels[o]) for o in JoinInquiry.Outcome.values], str(labels[""])], counts,
        first_column=_("項目"), unit=_("件"),
        note=_("その年度に受け付けた問い合わせと、町会・自治会が記録した結果です（問い合わせは3年で削除されます）。"),
    )
    return [directory, inquiries]


# --- (2) 民生・児童委員 -----------------------------------------------------------------------------------------

def commissioner_staffing(*, today) -> dict:
    """Per district and per area: 定数, 現員 and 欠員 of 民生委員・児童委員 and of 主任児童委員 (no names)."""
    districts = list(CommissionerDistrict.objects.with_area().with_staffing(today=today).with_fiction()
                     .order_by("area__sort_order", "name_kana", "name"))
    rows, by_area = [], {}
    for district in districts:
        row = {
            "district": district, "quota": district.quota, "members": district.members,
            "vacancies": CommissionerDistrict.vacancies(district.quota, district.members),
            "chief_quota": district.chief_quota, "chiefs": district.chiefs,
            "chief_vacancies": CommissionerDistrict.vacancies(district.chief_quota, district.chiefs),
        }
        rows.append(row)
        total = by_area.setdefault(district.area_id, {"area": district.area, "quota": 0, "members": 0, "vacancies": 0,
                                                      "chief_quota": 0, "chiefs": 0, "chief_vacancies": 0,
                                                      "without_quota": 0})
        for key in ("quota", "members", "vacancies", "chief_quota", "chiefs", "chief_vacancies"):
            total[key] += row[key] or 0
        total["without_quota"] += int(district.quota is None)
    return {"districts": rows, "areas": list(by_area.values()),
            "without_quota": sum(a["without_quota"] for a in by_area.values())}


def commissioner_tables(fiscal_year) -> list[figures.Table]:
    from django.utils import timezone

    day = min(fiscal_year.last_day, timezone.localdate())
    staffing = commissioner_staffing(today=day)
    labels = [(_("定数（民生委員・児童委員）"), "quota"), (_("現員（民生委員・児童委員）"), "members"),
              (_("欠員（民生委員・児童委員）"), "vacancies"), (_("定数（主任児童委員）"), "chief_quota"),
              (_("現員（主任児童委員）"), "chiefs"), (_("欠員（主任児童委員）"), "chief_vacancies")]
    counts = {(label, area["area"].pk): area[key] for area in staffing["areas"] for label, key in labels}
    note = _("%(date)s時点。定数が入力されていない地区（%(n)s地区）は定数と欠員に含みません。") % {
        "date": f"{day:%Y-%m-%d}", "n": staffing["without_quota"]}
    table = figures.grid("commissioners", _("民生・児童委員の定数・現員・欠員"), [label for label, _key in labels], counts,
                         first_column=_("項目"), unit=_("人"), note=note)
    contacts = (
        CommissionerContact.objects.filter(_in_year("created_at", fiscal_year))
        .values("district__area").annotate(n=Count("pk")).order_by()
    )
    label = _("ポータルから委員への連絡")
    contact_table = figures.grid(
        "commissioner_contacts", _("民生・児童委員への連絡（受付件数）"), [label],
        {(label, r["district__area"]): r["n"] for r in contacts}, first_column=_("項目"), unit=_("件"),
        note=_("区の窓口で受け付け、委員に取り次いだ件数です。内容は集計しません。"),
    )
    return [table, contact_table]


# --- (3) パワーアップカレッジとマッチング ------------------------------------------------------------------------

def college_tables(fiscal_year) -> list[figures.Table]:
    fields = dict(ActivityField.choices)
    applied = dict(CollegeApplication.objects.filter(_in_year("created_at", fiscal_year))
                   .values_list("course__field").annotate(n=Count("pk")).order_by())
    enrolled = dict(CollegeApplication.objects.filter(_in_year("created_at", fiscal_year))
                    .exclude(status__in=[CollegeApplication.Status.APPLIED, CollegeApplication.Status.WAITLISTED,
                                         CollegeApplication.Status.DECLINED])
                    .values_list("course__field").annotate(n=Count("pk")).order_by())
    graduated = dict(CollegeApplication.objects.graduated().filter(_in_year("graduated_at", fiscal_year))
                     .values_list("course__field").annotate(n=Count("pk")).order_by())
    college = figures.Table(
        key="college", title=_("カレッジの受講申込・受講・修了（分野別）"),
        columns=[_("分野"), _("受講申込"), _("受講決定"), _("修了")],
        rows=[[str(label), applied.get(code, 0), enrolled.get(code, 0), graduated.get(code, 0)]
              for code, label in fields.items()],
        unit=_("人"), note=_("申込と受講決定はその年度に申し込んだ方、修了はその年度に修了と判定された方です。"),
    )
    college.rows.append([figures.total_label(), *[sum(row[i] for row in college.rows) for i in (1, 2, 3)]])

    unknown = _("分野なし")
    by_application = dict(OpeningApplication.objects.accepted().filter(_in_year("decided_at", fiscal_year))
                          .values_list("opening__field").annotate(n=Count("pk")).order_by())
    by_invitation = dict(VolunteerInvitation.objects.accepted().filter(_in_year("responded_at", fiscal_year))
                         .values_list("opening__field").annotate(n=Count("pk")).order_by())
    rows = []
    for code, label in [*fields.items(), (None, unknown)]:
        a, b = by_application.get(code, 0), by_invitation.get(code, 0)
        if code is None and not (a or b):
            continue
        rows.append([str(label), a, b, a + b])
    rows.append([figures.total_label(), *[sum(row[i] for row in rows) for i in (1, 2, 3)]])
    matches = figures.Table(
        key="matches", title=_("人材を求める団体とのマッチング（分野別）"),
        columns=[_("分野"), _("募集への応募で決定"), _("団体からの招待を承諾"), _("計")], rows=rows, unit=_("件"),
        note=_("その年度に団体が受け入れを決めた応募と、本人が承諾した団体からの招待です。"),
    )

    hours = (
        VolunteerHours.objects.confirmed().in_fiscal_year(fiscal_year)
        .values("opening__field", "organization__area").annotate(h=Sum("hours")).order_by()
    )
    counts: dict = defaultdict(int)
    for row in hours:
        counts[(str(fields.get(row["opening__field"], unknown)), row["organization__area"])] += row["h"]
    hours_table = figures.grid(
        "volunteer_hours", _("ボランティアの活動時間（団体が確認したもの）"), [str(label) for label in fields.values()]
        + ([unknown] if any(key[0] == unknown for key in counts) else []),
        counts, first_column=_("分野"), unit=_("時間"), note=_("地域は活動した団体の主な活動地域です。"),
    )
    return [college, matches, hours_table]


# --- (4) NPO法人等の活動支援 -------------------------------------------------------------------------------------

def npo_tables(fiscal_year) -> list[figures.Table]:
    seminars = figures.session_table(
        "npo_seminars", _("区民協働交流センターのNPO講座"), Session.objects.filter(listing__in=NpoSeminar.objects.all()),
        fiscal_year,
    )
    listed = _("ボランティアを受け入れている団体")
    groups = (GroupProfile.objects.published().values("organization__area")
              .annotate(n=Count("pk"), accepting=Count("pk", filter=Q(accepts_volunteers=True))).order_by())
    label = _("ポータルに載っているNPO・ボランティア団体")
    counts = {}
    for row in groups:
        counts[(label, row["organization__area"])] = row["n"]
        counts[(listed, row["organization__area"])] = row["accepting"]
    directory = figures.grid("npo_groups", _("NPO・ボランティア団体の紹介"), [label, listed], counts,
                             first_column=_("項目"), unit=_("団体"), note=_("集計した時点の数です。"))
    return [seminars, directory]


# --- 重点取組3 (1) 地域福祉コーディネーター・協働推進員 ------------------------------------------------------------

def coordinator_tables(fiscal_year) -> list[figures.Table]:
    registered, active = _("新しく登録した方"), _("年度末に活動中の方")
    new = (CollaboratorRegistration.objects.filter(_in_year("created_at", fiscal_year))
           .values("areas").annotate(n=Count("pk")).order_by())
    current = (CollaboratorRegistration.objects.filter(status=CollaboratorRegistration.Status.ACTIVE,
                                                        created_at__lt=fiscal_year.ends_at)
               .values("areas").annotate(n=Count("pk")).order_by())
    counts = {}
    for row in new:
        counts[(registered, row["areas"])] = row["n"]
    for row in current:
        counts[(active, row["areas"])] = row["n"]
    distinct = CollaboratorRegistration.objects.filter(_in_year("created_at", fiscal_year)).count()
    table = figures.grid(
        "collaborators", _("地域福祉協働推進員の登録"), [registered, active], counts, first_column=_("項目"), unit=_("人"),
        note=_("活動したい地域を複数選んだ方は、それぞれの地域に数えます（新しく登録した方は区全体で%(n)s人）。")
        % {"n": distinct},
    )
    teams = dict(CoordinatorTeam.objects.values_list("area").annotate(n=Count("assignments")).order_by())
    label = _("担当の地域福祉コーディネーター")
    team_table = figures.grid("coordinators", _("地域福祉コーディネーターの配置"), [label],
                              {(label, area): n for area, n in teams.items()}, first_column=_("項目"), unit=_("人"),
                              note=_("集計した時点でポータルに登録されている人数です。"))
    return [table, team_table]
