"""The volunteer's and the organization's hours pages, and the vacancy table, at 10 and 1,000 rows."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from community.demo_fiction import mark_fictional
from tests.conftest import make_user
from volunteers.models import Commissioner, CommissionerDistrict, VolunteerHours


def _hours(user, organization, count):
    today = timezone.localdate()
    VolunteerHours.objects.bulk_create([
        VolunteerHours(user=user, organization=organization, activity_on=today - dt.timedelta(days=n % 300), hours=1)
        for n in range(count)
    ])


@pytest.mark.parametrize("count", [10, 1000])
def test_the_organizations_hours_page_has_a_fixed_query_budget(client, org_member, organization, count,
                                                               django_assert_max_num_queries):
    _hours(make_user("v@example.jp", name="ボランティア 一"), organization, count)
    client.force_login(org_member)
    # auth session + user, the membership check, the organization, up to 200 entries with their people and
    # openings (one join), the base template's membership check = 6.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("volunteers:org_hours", args=[organization.pk]))
    assert response.status_code == 200 and response.content.decode().count("ボランティア 一") == min(count, 200)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_volunteers_hours_page_has_a_fixed_query_budget(client, resident, organization, count,
                                                            django_assert_max_num_queries):
    _hours(resident, organization, count)
    client.force_login(resident)
    # auth session + user, the accepted applications, the accepted invitations (the form's choices), up to 100
    # entries with organization and opening, the base template's membership check = 6.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("volunteers:my_hours"))
    assert response.status_code == 200 and response.content.decode().count("<th scope=\"row\">") == min(count, 100)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_vacancy_table_has_a_fixed_query_budget(client, staff, count, django_assert_max_num_queries):
    from community.models import Area

    area = Area.objects.first()
    districts = CommissionerDistrict.objects.bulk_create([
        CommissionerDistrict(name=f"地区{n}", area=area, contact_office="区", contact_phone="03", quota=2)
        for n in range(count)
    ])
    Commissioner.objects.bulk_create([
        Commissioner(full_name="委員", full_name_kana="いいん", district=d, term_start=dt.date(2025, 12, 1),
                     term_end=dt.date(2028, 11, 30)) for d in districts
    ])
    mark_fictional(*districts[:3])
    client.force_login(staff)
    # auth session + user, the permission check, districts with area, staffing counts and demo fiction (one
    # grouped query), the admin's sidebar = 6 or fewer.
    with django_assert_max_num_queries(6):
        response = client.get("/admin/volunteers/commissionervacancy/")
    body = response.content.decode()
    assert response.status_code == 200 and body.count("<strong>") >= count  # every district has 1 欠員
    assert body.count("（架空）") == 3  # the districts the demo made up, and only those
