"""A world whose fiscal-year-2025 figures are known by construction, for every section of the report.

Fiscal year 2025 runs from 2025-04-01 00:00 to 2026-03-31 23:59 (Tokyo). Each section puts rows on both sides of
both edges: 2025-03-31 23:59 and 2026-04-01 00:00 must never count, 2025-04-01 00:00 and 2026-03-31 23:59 must.
The expected numbers are written next to the rows that make them.
"""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from community.fiscal import FiscalYear
from community.models import Area, Headcount, Membership, PublicationStatus, Session
from hiroba.models import ConsultationRequest, Plaza, PlazaSubsidy
from international.models import DeskLanguageDay, ExchangeEvent, ForeignResidentDesk, JapaneseClass
from projects.models import Application, Call, Stage
from tests.conftest import make_organization, make_place, make_user
from tests.volunteers.factories_college import make_cohort, make_course, make_opening
from volunteers.models import (
    AssociationProfile,
    CollaboratorRegistration,
    CollegeApplication,
    Commissioner,
    CommissionerContact,
    CommissionerDistrict,
    CoordinatorAssignment,
    CoordinatorTeam,
    GroupProfile,
    JoinInquiry,
    NpoSeminar,
    OpeningApplication,
    VolunteerHours,
    VolunteerInvitation,
    VolunteerProfile,
)

TOKYO = ZoneInfo("Asia/Tokyo")
YEAR = FiscalYear(2025)
BEFORE = dt.datetime(2025, 3, 31, 23, 59, tzinfo=TOKYO)  # the last minute of fiscal 2024
FIRST = dt.datetime(2025, 4, 1, 0, 0, tzinfo=TOKYO)  # the first minute of fiscal 2025
LAST = dt.datetime(2026, 3, 31, 23, 59, tzinfo=TOKYO)  # the last minute of fiscal 2025
AFTER = dt.datetime(2026, 4, 1, 0, 0, tzinfo=TOKYO)  # the first minute of fiscal 2026
PUBLISHED = PublicationStatus.PUBLISHED


def at(year, month, day, hour=10):
    return dt.datetime(year, month, day, hour, tzinfo=TOKYO)


def session(listing, start, *, place=None, cancelled=False, total=None, **breakdown):
    made = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(minutes=90),
                                  place=place, is_cancelled=cancelled)
    if total is not None:
        Headcount.objects.create(session=made, walk_ins=total, checked_in=0, total=total, **breakdown)
    return made


@pytest.fixture
def world(db):
    w = SimpleNamespace()
    areas = {a.slug: a for a in Area.objects.all()}
    w.p_nerima = make_place("練馬の会館", town="豊玉北", number=5)
    w.p_hikari = make_place("光が丘の会館", town="光が丘", number=2)
    w.p_shakujii = make_place("石神井の会館", town="石神井町", number=2)
    w.p_oizumi = make_place("大泉の会館", town="東大泉", number=1)
    org = make_organization("集計テストNPO", kind="npo", area=areas["nerima"], name_kana="しゅうけい")
    w.org = org

    # (1) 町会・自治会: A counts (練馬), B went public after the year (大泉, not counted).
    chokai_a = make_organization("A町会", area=areas["nerima"], published_at=at(2024, 5, 1), name_kana="えー")
    chokai_b = make_organization("B町会", area=areas["oizumi"], published_at=AFTER, name_kana="びー")
    AssociationProfile.objects.create(organization=chokai_a)
    AssociationProfile.objects.create(organization=chokai_b)
    for created, outcome in [(BEFORE, "joined"), (FIRST, "joined"), (at(2025, 6, 1), "declined"), (LAST, ""),
                             (AFTER, "unreachable")]:
        JoinInquiry.objects.create(association=chokai_a, name="問い合わせ", email="q@example.jp", created_at=created,
                                   outcome=outcome)
    # 練馬: 受付 3, 加入した 1, 見送り 1, 連絡つかず 0, 結果の記録なし 1.

    # (2) 民生・児童委員 on 2026-03-31: 練馬 定数 3, 現員 2, 欠員 1; 主任 定数 1, 現員 1, 欠員 0. 大泉: no 定数 yet.
    d1 = CommissionerDistrict.objects.create(name="練馬第1地区", area=areas["nerima"], contact_office="区",
                                             contact_phone="03-3993-1111", quota=3, chief_quota=1)
    d2 = CommissionerDistrict.objects.create(name="大泉第1地区", area=areas["oizumi"], contact_office="区",
                                             contact_phone="03-3993-1111")
    in_term = {"term_start": dt.date(2025, 12, 1), "term_end": dt.date(2028, 11, 30)}
    Commissioner.objects.create(full_name="委員 一", full_name_kana="いち", district=d1, **in_term)
    Commissioner.objects.create(full_name="委員 二", full_name_kana="に", district=d1, **in_term)
    Commissioner.objects.create(full_name="委員 三", full_name_kana="さん", district=d1, is_chief_child_commissioner=True,
                                **in_term)
    Commissioner.objects.create(full_name="前任 四", full_name_kana="よん", district=d1, term_start=dt.date(2022, 12, 1),
                                term_end=dt.date(2025, 11, 30))  # ended before 2026-03-31: not 現員
    Commissioner.objects.create(full_name="委員 五", full_name_kana="ご", district=d2, **in_term)
    for created in (BEFORE, FIRST, AFTER):
        CommissionerContact.objects.create(district=d1, address="豊玉北5丁目", name="連絡者", email="c@example.jp",
                                           message="相談", created_at=created)  # 練馬 1

    # (3) カレッジ: 申込 福祉 2・防災 1, 受講決定 福祉 1・防災 1, 修了 福祉 1・防災 1.
    cohort = make_cohort()
    welfare, disaster = make_course(cohort, org, field="welfare"), make_course(cohort, org, field="disaster")

    def apply(course, created, status, graduated_at=None):
        return CollegeApplication.objects.create(
            cohort=cohort, course=course, user=make_user(f"c{CollegeApplication.objects.count()}@example.jp"),
            motivation="m", consent=True, status=status, created_at=created, graduated_at=graduated_at)

    apply(welfare, FIRST, "enrolled")
    apply(welfare, LAST, "applied")
    apply(disaster, at(2025, 5, 1), "graduated", graduated_at=at(2026, 3, 1))
    apply(welfare, BEFORE, "graduated", graduated_at=FIRST)  # applied the year before, graduated in this one
    apply(disaster, AFTER, "applied")

    # Matching: 福祉 1 (応募), 防災 1 (招待), 分野なし 1 (招待).
    opening_w = make_opening(org, field="welfare", area_slug="nerima")
    opening_d = make_opening(org, field="disaster", area_slug="oizumi", title="防災")
    for n, (opening, decided) in enumerate([(opening_w, at(2025, 5, 1)), (opening_w, AFTER)]):
        OpeningApplication.objects.create(opening=opening, user=make_user(f"v{n}@example.jp"), message="m",
                                          status="accepted", decided_at=decided)
    for n, (opening, responded) in enumerate([(opening_d, at(2025, 7, 1)), (None, at(2025, 8, 1)), (None, BEFORE)]):
        profile = VolunteerProfile.objects.create(user=make_user(f"i{n}@example.jp"))
        VolunteerInvitation.objects.create(organization=org, profile=profile, opening=opening, message="m",
                                           status="accepted", responded_at=responded)
    # Confirmed hours in the year: 福祉 × 練馬 = 2.5 + 1.5 = 4.0.
    volunteer = make_user("hours@example.jp")
    for day, hours, status in [(dt.date(2025, 4, 1), "2.5", "confirmed"), (dt.date(2026, 3, 31), "1.5", "confirmed"),
                               (dt.date(2025, 9, 1), "3", "reported"), (dt.date(2025, 3, 31), "2", "confirmed")]:
        VolunteerHours.objects.create(user=volunteer, organization=org, opening=opening_w, activity_on=day, hours=hours,
                                      status=status)

    # (4) NPO: 2 seminars held in 練馬 with 10 + 5 people; a cancelled one and one after the year do not count.
    seminar = NpoSeminar.objects.create(organization=org, title="会計講座", title_kana="かいけい", place=w.p_nerima,
                                        status=PUBLISHED)
    session(seminar, FIRST, total=10)
    session(seminar, at(2025, 11, 1), total=5)
    session(seminar, at(2025, 12, 1), cancelled=True)
    session(seminar, AFTER, total=99)
    GroupProfile.objects.create(organization=org, field="elderly", activity_summary="見守り", accepts_volunteers=True)

    # 重点取組3 (1): 新しく登録 練馬 1・大泉 1; 年度末に活動中 練馬 2・大泉 1. Coordinators: 練馬 1.
    new = CollaboratorRegistration.objects.create(user=make_user("r1@example.jp"), status="active", created_at=at(2025, 6, 1))
    new.areas.set([areas["nerima"], areas["oizumi"]])
    old = CollaboratorRegistration.objects.create(user=make_user("r2@example.jp"), status="active", created_at=at(2024, 6, 1))
    old.areas.set([areas["nerima"]])
    late = CollaboratorRegistration.objects.create(user=make_user("r3@example.jp"), status="active", created_at=AFTER)
    late.areas.set([areas["nerima"]])
    team = CoordinatorTeam.objects.create(area=areas["nerima"], name="練馬", office="社協", phone="03-0000-0000")
    CoordinatorAssignment.objects.create(team=team, user=make_user("coord@example.jp"))

    # 重点取組2 (1): 区立施設 練馬 1 (both years), コンビニ・薬局連携型 光が丘 1 (new: +1), 出張型 石神井 1 (by its
    # organization's area), 地域の集いの場 opened after the year (not counted).
    w.cafe = CareCafe.objects.create(organization=org, title="区立カフェ", title_kana="く", cafe_type="ward",
                                     place=w.p_nerima, opened_on=dt.date(2020, 4, 1), status=PUBLISHED)
    CareCafe.objects.create(organization=org, title="薬局カフェ", title_kana="や", cafe_type="shop", partner_shop="薬局",
                            place=w.p_hikari, opened_on=dt.date(2025, 6, 1), status=PUBLISHED)
    travelling_org = make_organization("石神井センター", kind="houkatsu", area=areas["shakujii"], name_kana="せ")
    CareCafe.objects.create(organization=travelling_org, title="出張カフェ", title_kana="し", cafe_type="travelling",
                            published_at=at(2024, 5, 1), status=PUBLISHED)
    CareCafe.objects.create(organization=org, title="集いカフェ", title_kana="つ", cafe_type="gathering", place=w.p_oizumi,
                            opened_on=dt.date(2026, 4, 1), status=PUBLISHED)
    # Held in the year: 2 sessions, 12 people; ages recorded at one (0, 2, 3, 3).
    session(w.cafe, BEFORE - dt.timedelta(hours=2), total=30)
    session(w.cafe, FIRST + dt.timedelta(hours=10), total=8, age_under_18=0, age_18_64=2, age_65_74=3, age_75_over=3)
    session(w.cafe, LAST - dt.timedelta(hours=5), total=4)
    session(w.cafe, AFTER + dt.timedelta(hours=10), total=30)

    # (2) こどもカフェ: 大泉 1 (went public in the year: +1); 1 session of 6; a lecture session of 3.
    kids = KidsCafe.objects.create(organization=org, title="こどもカフェ", title_kana="こ", place=w.p_oizumi,
                                   published_at=at(2025, 6, 1), status=PUBLISHED)
    session(kids, at(2025, 7, 1), total=6)
    lecture = ChildcareLecture.objects.create(organization=org, title="離乳食", title_kana="り", kids_cafe=kids,
                                              topic="weaning", place=w.p_oizumi, status=PUBLISHED)
    session(lecture, at(2025, 8, 1), total=3)

    # (3) ひろば: 光が丘 1 in the year (the other closed on 2025-03-31): 前年度 2, 増減 -1; subsidy 1 plaza, 300,000円.
    plaza = Plaza.objects.create(organization=org, title="ひろば", title_kana="ひ", place=w.p_hikari, hours_text="毎週火曜",
                                 opened_on=dt.date(2019, 6, 1), status=PUBLISHED)
    closed = Plaza.objects.create(organization=org, title="閉じたひろば", title_kana="と", place=w.p_hikari,
                                  hours_text="毎週水曜", opened_on=dt.date(2019, 6, 1), closed_on=dt.date(2025, 3, 31),
                                  status=PUBLISHED)
    PlazaSubsidy.objects.create(plaza=plaza, fiscal_year=2025, amount=300_000, status="granted")
    PlazaSubsidy.objects.create(plaza=closed, fiscal_year=2025, amount=100_000, status="rejected")
    session(plaza, at(2025, 10, 1), total=7)
    # 相談受付: 子育て 1 (練馬), 介護・高齢 1 (地域なし); total 2.
    for n, (received, topic, area) in enumerate([(BEFORE, "other", None), (FIRST, "childcare", areas["nerima"]),
                                                 (LAST, "elderly", None), (AFTER, "other", None)]):
        ConsultationRequest.objects.create(reference=f"S-T{n}", topic=topic, message="内容", contact_method="none",
                                           is_anonymous=True, area=area, consented_at=received, received_at=received)

    # 重点取組3 (2): 2025 call: stage 1 申請 2 (new), 採択 1 (200,000円); stage 2 申請 1 (continuing), 採択 1 (600,000円).
    grant_orgs = [make_organization(f"団体{n}", kind="volunteer", name_kana="だ") for n in range(4)]
    for year in (2024, 2025):
        call = Call.objects.create(fiscal_year=year, title="募集", opens_on=dt.date(year - 1, 11, 1),
                                   closes_on=dt.date(year, 1, 31), status="decided")
        for level, name in [(1, "スタートアップ"), (2, "ステップアップ")]:
            Stage.objects.create(call=call, level=level, name=name, ceiling_yen=300_000 * level)
    call24, call25 = Call.objects.get(fiscal_year=2024), Call.objects.get(fiscal_year=2025)

    def grant(call, organization, level, status, granted=None):
        Application.objects.create(call=call, organization=organization, title="事業", stage=call.stages.get(level=level),
                                   status=status, granted_amount=granted)

    grant(call24, grant_orgs[0], 1, "adopted", 300_000)
    grant(call25, grant_orgs[0], 2, "adopted", 600_000)
    grant(call25, grant_orgs[1], 1, "submitted")
    grant(call25, grant_orgs[2], 1, "conditional", 200_000)
    grant(call25, grant_orgs[3], 1, "draft")

    # 関連する取組: a ward class (光が丘, adults) counted; a volunteer class went public after the year.
    ward_class = JapaneseClass.objects.create(organization=org, title="区の講座", title_kana="く", level="beginner",
                                              learners="adults", run_by="ward", place=w.p_hikari,
                                              published_at=at(2024, 4, 1), status=PUBLISHED)
    JapaneseClass.objects.create(organization=org, title="こども教室", title_kana="こ", level="intro", learners="children",
                                 run_by="volunteer", place=w.p_oizumi, published_at=AFTER, status=PUBLISHED)
    session(ward_class, at(2025, 9, 1), total=10, in_ward=9, outside_ward=1)
    desk = ForeignResidentDesk.objects.create(name="外国語相談", phone="03-3993-1111")
    for weekday in range(5):
        DeskLanguageDay.objects.create(desk=desk, language="en", weekday=weekday, start_time=dt.time(13),
                                       end_time=dt.time(17))
    DeskLanguageDay.objects.create(desk=desk, language="tl", weekday=0, start_time=dt.time(13), end_time=dt.time(17))
    festival = ExchangeEvent.objects.create(organization=org, title="フェスティバル", title_kana="ふ", category="festival",
                                            place=w.p_hikari, status=PUBLISHED)
    session(festival, at(2025, 10, 12), total=50, in_ward=40, outside_ward=10)
    lecture_event = ExchangeEvent.objects.create(organization=org, title="文化講座", title_kana="ぶ", category="lecture",
                                                 place=w.p_nerima, status=PUBLISHED)
    session(lecture_event, at(2025, 11, 12), cancelled=True)

    Membership.objects.create(organization=org, user=make_user("orgrep@example.jp"), role="representative")
    return w
