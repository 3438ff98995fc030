"""The 参加者数 page reads the same number of queries for 10 or 1,000 sign-ups."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Session, SignUp


@pytest.mark.parametrize("count", [10, 1000])
def test_the_headcount_page_has_a_fixed_query_budget(client, org_member, organization, listing, count,
                                                     django_assert_max_num_queries):
    start = timezone.now() - dt.timedelta(minutes=30)
    session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    SignUp.objects.bulk_create([SignUp(session=session, name=f"参加{n}", status="confirmed") for n in range(count)])
    client.force_login(org_member)
    # auth session + user, the membership-scoped session (with listing, organization, places), its confirmed
    # sign-ups, its headcount, the access log insert, the base template's membership check = 7.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("community:session_headcount", args=[organization.pk, session.pk]))
    assert response.status_code == 200 and response.content.decode().count('name="checked_in"') == count
