"""Every section's figures on the fixture whose counts are known by construction (tests/progress/conftest.py)."""

from decimal import Decimal

import pytest

from progress.selectors.sections import SECTIONS_BY_KEY
from tests.progress.conftest import YEAR


def tables(key, *, public=False):
    return {table.key: table for table in SECTIONS_BY_KEY[key].tables(YEAR, public=public)}


def test_associations_and_join_inquiry_outcomes_count_only_the_fiscal_year(world):
    found = tables("associations")
    assert found["associations"].value("ポータルに載っている町会・自治会", "練馬") == 1
    assert found["associations"].value("ポータルに載っている町会・自治会", "大泉") == 0  # public only after the year
    inquiries = found["join_inquiries"]
    assert [inquiries.value(label, "練馬") for label in ("加入の問い合わせ", "加入した", "見送り", "連絡つかず", "結果の記録なし")] \
        == [3, 1, 1, 0, 1]
    assert inquiries.value("加入の問い合わせ", "計") == 3


def test_commissioners_quota_present_and_vacancies_at_the_end_of_the_year(world):
    found = tables("commissioners")
    staffing = found["commissioners"]
    assert staffing.value("定数（民生委員・児童委員）", "練馬") == 3
    assert staffing.value("現員（民生委員・児童委員）", "練馬") == 2  # the member whose term ended is not counted
    assert staffing.value("欠員（民生委員・児童委員）", "練馬") == 1
    assert (staffing.value("定数（主任児童委員）", "練馬"), staffing.value("欠員（主任児童委員）", "練馬")) == (1, 0)
    assert staffing.value("現員（民生委員・児童委員）", "大泉") == 1 and staffing.value("欠員（民生委員・児童委員）", "大泉") == 0
    assert "（1地区）" in staffing.note
    assert found["commissioner_contacts"].value("ポータルから委員への連絡", "計") == 1


def test_college_applications_enrolment_graduation_and_matches_with_invitations(world):
    found = tables("college")
    college = found["college"]
    assert [college.value("福祉", c) for c in ("受講申込", "受講決定", "修了")] == [2, 1, 1]
    assert [college.value("防災", c) for c in ("受講申込", "受講決定", "修了")] == [1, 1, 1]
    assert college.value("計", "受講申込") == 3
    matches = found["matches"]
    assert (matches.value("福祉", "募集への応募で決定"), matches.value("防災", "団体からの招待を承諾")) == (1, 1)
    assert matches.value("分野なし", "計") == 1 and matches.value("計", "計") == 3
    assert found["volunteer_hours"].value("福祉", "練馬") == Decimal("4.0")  # only confirmed hours of the year


def test_npo_seminars_count_held_sessions_and_people(world):
    found = tables("npo")
    seminars = found["npo_seminars"]
    assert [seminars.value(label, "練馬") for label in ("開催回数", "参加者数を記録した回", "参加者数（延べ）")] == [2, 2, 15]
    assert found["npo_groups"].value("ボランティアを受け入れている団体", "練馬") == 1


def test_collaborators_count_each_chosen_area(world):
    found = tables("coordinators")
    table = found["collaborators"]
    assert (table.value("新しく登録した方", "練馬"), table.value("新しく登録した方", "大泉")) == (1, 1)
    assert (table.value("年度末に活動中の方", "練馬"), table.value("年度末に活動中の方", "大泉")) == (2, 1)
    assert "区全体で1人" in table.note
    assert found["coordinators"].value("担当の地域福祉コーディネーター", "練馬") == 1


def test_care_cafes_by_type_and_area_with_the_change_from_last_year(world):
    found = tables("care_cafes")
    places = found["care_cafes"]
    assert places.value("区立施設", "練馬") == 1
    assert (places.value("コンビニ・薬局連携型", "光が丘"), places.value("コンビニ・薬局連携型", "前年度末"),
            places.value("コンビニ・薬局連携型", "増減")) == (1, 0, 1)
    assert places.value("出張型", "石神井") == 1  # by its organization's area: it has no place of its own
    assert places.value("地域の集いの場", "計") == 0  # opened after the year
    sessions = found["care_cafe_sessions"]
    assert [sessions.value(label, "練馬") for label in ("開催回数", "参加者数（延べ）")] == [2, 12]
    ages = found["care_cafe_ages"]
    assert ages.column("人数") == [0, 2, 3, 3] and "1回" in ages.note


def test_kids_cafes_and_lectures(world):
    found = tables("kids_cafes")
    venues = found["kids_cafes"]
    assert (venues.value("練馬こどもカフェの会場", "大泉"), venues.value("練馬こどもカフェの会場", "増減")) == (1, 1)
    assert found["kids_cafe_sessions"].value("参加者数（延べ）", "計") == 6
    assert found["childcare_lectures"].value("参加者数（延べ）", "大泉") == 3


def test_plazas_subsidy_and_consultations_by_topic(world):
    found = tables("plazas")
    plazas = found["plazas"]
    assert (plazas.value("開いていた相談情報ひろば", "光が丘"), plazas.value("開いていた相談情報ひろば", "前年度"),
            plazas.value("開いていた相談情報ひろば", "増減")) == (1, 2, -1)
    subsidy = found["plaza_subsidies"]
    assert (subsidy.value("運営費を助成したひろば（か所）", "光が丘"), subsidy.value("助成額（円）", "光が丘")) == (1, 300_000)
    assert found["plaza_sessions"].value("参加者数（延べ）", "光が丘") == 7
    topics = found["consultations"]
    assert (topics.value("子育て", "件数"), topics.value("介護・高齢", "件数"), topics.value("その他", "件数")) == (1, 1, 0)
    assert topics.value("計", "件数") == 2
    assert found["consultations_by_area"].value("介護・高齢", "地域未設定") == 1


def test_grants_by_stage_new_and_continuing(world):
    table = tables("grants")["grants"]
    row = {r[0]: r[1:] for r in table.rows}
    # 申請, うち新規, うち継続, 採択, 採択のうち新規, 採択のうち継続, 助成決定額
    assert row["スタートアップ"] == [2, 2, 0, 1, 1, 0, 200_000]
    assert row["ステップアップ"] == [1, 0, 1, 1, 0, 1, 600_000]
    assert row["計"] == [3, 2, 1, 2, 1, 1, 800_000]


def test_foreign_residents_classes_desks_and_exchange(world):
    japanese = tables("japanese")
    assert japanese["japanese_classes"].value("区の講座", "光が丘") == 1
    assert japanese["japanese_classes"].value("ボランティアの教室", "計") == 0
    assert japanese["japanese_class_residence"].column("人数") == [9, 1]
    desks = tables("desks")["desk_languages"]
    assert (desks.value("英語", "窓口の対応日（週）"), desks.value("タガログ語", "窓口の対応日（週）")) == (5, 1)
    exchange = tables("exchange")
    assert exchange["exchange_kinds"].value("フェスティバル", "開催回数") == 1
    assert exchange["exchange_kinds"].value("文化講座", "開催回数") == 0  # cancelled
    assert exchange["exchange_residence"].column("人数") == [40, 10]


def test_the_public_report_leaves_out_staff_only_tables(world):
    public = {t.key for key in SECTIONS_BY_KEY for t in SECTIONS_BY_KEY[key].tables(YEAR, public=True)}
    staff = {t.key for key in SECTIONS_BY_KEY for t in SECTIONS_BY_KEY[key].tables(YEAR, public=False)}
    assert staff - public == {"consultations_by_area", "consultation_status"}


@pytest.mark.parametrize("area", ["練馬", "大泉"])
def test_one_areas_view_keeps_the_area_and_the_ward_total(world, area):
    table = tables("care_cafes")["care_cafe_sessions"].for_area(area)
    assert table.columns == ["項目", area, "計"]
