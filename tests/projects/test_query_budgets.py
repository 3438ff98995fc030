"""Query budgets: the public lists, the group's application list and the admin summary stay flat from 10 to 1,000 rows."""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Organization
from projects.models import Application, Call, ShowcaseProject
from tests.projects.conftest import make_call


def _showcase(organization, n):
    ShowcaseProject.objects.bulk_create([
        ShowcaseProject(title=f"事業{i}", organization=organization, fiscal_year=2000 + i % 20, summary="概要")
        for i in range(n)
    ])


def _applications_over_many_years(organization, n):
    calls = Call.objects.bulk_create([
        Call(fiscal_year=1000 + i, title="過去の募集", opens_on=dt.date(2000, 4, 1), closes_on=dt.date(2000, 5, 1),
             status=Call.Status.DECIDED) for i in range(n)
    ])
    Application.objects.bulk_create([
        Application(call=c, organization=organization, title=f"申請{c.fiscal_year}", status="adopted",
                    granted_amount=100_000) for c in calls
    ])


def _applications_in_one_call(call, n):
    organizations = Organization.objects.bulk_create([
        Organization(name=f"団体{i}", name_kana="だんたい", kind="volunteer") for i in range(n)
    ])
    stage = call.stages.first()
    Application.objects.bulk_create([
        Application(call=call, organization=o, title="申請", stage=stage, status="adopted", granted_amount=1000)
        for o in organizations
    ])


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_programme_page_and_showcase_list(client, organization, rows, django_assert_max_num_queries):
    make_call(2026)
    _showcase(organization, rows)
    # current call, its categories, its stages (prefetch), three showcase projects with their organization
    with django_assert_max_num_queries(4):
        response = client.get(reverse("projects:index"))
    assertContains(response, "地域おこしプロジェクト 募集")
    assertContains(response, organization.name)  # a showcase project's group
    # count for the paginator, one page of projects joined to their organization
    with django_assert_max_num_queries(2):
        response = client.get(reverse("projects:showcase_list"))
    assertContains(response, organization.name)


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_call_page(client, rows, django_assert_max_num_queries):
    call = make_call(2026)
    for i in range(rows // 10):
        call.categories.create(name=f"区分{i}")
    # the call, its categories, its stages
    with django_assert_max_num_queries(3):
        response = client.get(reverse("projects:call_detail", args=[2026]))
    assertContains(response, f"区分{rows // 10 - 1}")


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_group_application_list(client, organization, org_member, rows, django_assert_max_num_queries):
    _applications_over_many_years(organization, rows)
    make_call(2026)
    client.force_login(org_member)
    # session + user, membership check + organization, the menu's membership check, applications with call/stage/
    # category/organization/report, the current call, its stages and last year's funded application (stage rule)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("projects:application_list", args=[organization.pk]))
    assertContains(response, f"申請{1000 + rows - 1}")  # the newest year's application


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_admin_summary(client, staff, rows, django_assert_max_num_queries):
    call = make_call(2026)
    _applications_in_one_call(call, rows)
    client.force_login(staff)
    # session + user, permission lookups (user + groups), funded by year, funded by stage, the calls for CSV links
    with django_assert_max_num_queries(8):
        response = client.get(reverse("admin:projects_application_summary"))
    assertContains(response, f"{rows * 1000:,}円")  # the grant total of the year


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_admin_application_list(client, staff, rows, django_assert_max_num_queries):
    call = make_call(2026)
    _applications_in_one_call(call, rows)
    client.force_login(staff)
    # session + user, permissions, count(s), one page of applications with averages, filter choices
    with django_assert_max_num_queries(14):
        response = client.get(reverse("admin:projects_application_changelist"))
    assertContains(response, response.context["cl"].result_list[0].organization.name)
