"""相談情報ひろば pages: list by area and activity, detail with sessions and introduced organizations."""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.demo_fiction import mark_fictional
from community.models import Area
from hiroba.models import ConsultationDesk, Plaza, PlazaSubsidy
from tests.conftest import make_organization, make_place, make_session
from tests.hiroba.conftest import bulk_plazas, make_plaza

pytestmark = pytest.mark.django_db


def test_list_shows_published_open_plazas_only(client, organization, place):
    make_plaza(organization, title="公開のひろば", place=place)
    make_plaza(organization, title="下書きのひろば", place=place, status="draft")
    make_plaza(organization, title="閉じたひろば", place=place, closed_on=dt.date(2020, 3, 31))
    body = client.get(reverse("hiroba:plaza_list")).content.decode()
    assert "公開のひろば" in body
    assert "下書きのひろば" not in body
    assert "閉じたひろば" not in body


def test_list_filters_by_area_and_activity(client, organization):
    make_plaza(organization, title="練馬の子育て", activities=["childcare"], place=make_place("a", town="豊玉北", number=5))
    make_plaza(organization, title="大泉の子育て", activities=["childcare"], place=make_place("b", town="東大泉", number=1))
    make_plaza(organization, title="練馬の介護", activities=["care"], place=make_place("c", town="桜台", number=1))
    nerima = Area.objects.get(slug="nerima")
    body = client.get(reverse("hiroba:plaza_list"), {"area": nerima.pk, "activity": "childcare"}).content.decode()
    assert "練馬の子育て" in body
    assert "大泉の子育て" not in body
    assert "練馬の介護" not in body


def test_plazas_of_an_unpublished_organization_are_hidden(client, place):
    hidden = make_organization("非公開の団体", status="pending")
    make_plaza(hidden, title="見えないひろば", place=place)
    assert "見えないひろば" not in client.get(reverse("hiroba:plaza_list")).content.decode()


def test_detail_shows_operator_hours_activities_sessions_and_introduced_organizations(client, plaza, other_organization):
    plaza.introduced_organizations.add(other_organization)
    session = make_session(plaza, days=3)
    response = client.get(plaza.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    for text in ("練馬テスト町会", "毎週火曜 10:00–15:00", "介護", "子育て", "おしゃべり", "ほかのNPO"):
        assert text in body
    assert reverse("community:session_detail", args=[session.pk]) in body


def test_detail_never_shows_subsidy_records(client, plaza):
    PlazaSubsidy.objects.create(plaza=plaza, fiscal_year=2025, amount=345678, status="granted")
    assert "345678" not in client.get(plaza.get_absolute_url()).content.decode()


def test_detail_of_unpublished_plaza_is_404(client, organization, place):
    draft = make_plaza(organization, place=place, status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_index_counts_plazas_per_area(client, plaza):
    body = client.get(reverse("hiroba:index")).content.decode()
    assert "練馬地域のひろば" in body
    assert "1か所" in body


def test_desk_list_shows_phone_and_hours(client, ward_desk):
    body = client.get(reverse("hiroba:desk_list")).content.decode()
    assert "03-3993-1111" in body and "平日 8:30–17:15" in body


@pytest.mark.parametrize("rows", [10, 1000])
def test_desk_list_query_budget_and_only_the_desks_the_demo_made_up_say_so(client, django_assert_max_num_queries, rows):
    desks = ConsultationDesk.objects.bulk_create(
        [ConsultationDesk(name=f"窓口{i:04d}", name_kana=f"まどぐち{i:04d}", kind="ward", topics=["other"])
         for i in range(rows)]
    )
    mark_fictional(*desks[:3])
    # Expected: the desks with their area and whether the demo made them up (1)
    with django_assert_max_num_queries(1):
        response = client.get(reverse("hiroba:desk_list"))
    assertContains(response, "窓口0000")
    assertContains(response, f"窓口{rows - 1:04d}")
    assertContains(response, "（デモ用の架空の窓口です）", count=3)


@pytest.mark.parametrize("rows", [10, 1000])
def test_list_query_budget(client, organization, place, django_assert_max_num_queries, rows):
    bulk_plazas(organization, place, rows)
    # Expected: areas for the filter (1), count (1), the ids of one page (1); for the cards not cached (all, here):
    # those plazas with place/area/next session (1), their activities (1)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("hiroba:plaza_list"))
    assertContains(response, "ひろば0")


@pytest.mark.parametrize("rows", [10, 1000])
def test_detail_query_budget(client, plaza, other_organization, django_assert_max_num_queries, rows):
    for i in range(rows if rows <= 10 else 30):
        make_session(plaza, days=i + 1)
    organizations = [make_organization(f"団体{i}", name_kana=f"だんたい{i:04}") for i in range(rows if rows <= 10 else 50)]
    plaza.introduced_organizations.add(*organizations)
    # Expected: plaza with place/area (1), activities (1), schedules (1), sessions (1), organizations (1)
    with django_assert_max_num_queries(6):
        response = client.get(plaza.get_absolute_url())
    assertContains(response, "豊玉ひろば")
    assertContains(response, "団体0")  # an introduced organization


@pytest.mark.parametrize("rows", [10, 1000])
def test_index_query_budget(client, organization, place, django_assert_max_num_queries, rows, ward_desk):
    bulk_plazas(organization, place, rows)
    # Expected: plaza counts per area (1), areas (1), areas for the finder form (1), desks (1)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("hiroba:index"))
    assertContains(response, "03-3993-1111")  # the ward desk


def test_staff_see_plazas_per_area_over_the_years_in_admin(client, staff, plaza):
    plaza.opened_on = dt.date(2022, 4, 1)
    plaza.save()
    PlazaSubsidy.objects.create(plaza=plaza, fiscal_year=2024, amount=300000, status="paid")
    client.force_login(staff)
    response = client.get(reverse("admin:hiroba_plaza_summary"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "地域別・年度別のひろば数" in body
    assert "2024年度" in body
    assert "300,000円" in body


def test_residents_cannot_open_the_admin_summary(client, resident):
    client.force_login(resident)
    response = client.get(reverse("admin:hiroba_plaza_summary"))
    assert response.status_code == 302


def test_open_in_fiscal_year_counts_plazas_open_in_any_part_of_the_year(organization, place):
    make_plaza(organization, title="2023年開設", place=place, opened_on=dt.date(2023, 5, 1))
    make_plaza(organization, title="2022年度末に閉所", place=place, opened_on=dt.date(2020, 1, 1),
               closed_on=dt.date(2023, 3, 31))
    assert set(Plaza.objects.open_in_fiscal_year(2022).values_list("title", flat=True)) == {"2022年度末に閉所"}
    assert set(Plaza.objects.open_in_fiscal_year(2023).values_list("title", flat=True)) == {"2023年開設"}


def test_set_activities_makes_them_exactly_the_chosen_ones(plaza):
    from hiroba.services import consultations as services

    services.plaza_set_activities(plaza=plaza, activities=["community"])
    assert list(plaza.activity_rows.values_list("activity", flat=True)) == ["community"]
