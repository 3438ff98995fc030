"""Query budgets of マイ団体 pages: they hold with 10 and with 1,000 listings, sessions and sign-ups."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from community.models import Listing, Membership, Organization, Place, PublicationStatus, Session, SignUp
from tests.conftest import make_place


def _fill(organization, place, n: int) -> None:
    """n listings, n upcoming sessions, and n sign-ups on the first session (bulk_create, so setup stays fast)."""
    listings = Listing.objects.bulk_create(
        Listing(organization=organization, kind="community.listing", title=f"集い{i}", title_kana=f"つどい{i}",
                place=place, status=PublicationStatus.PUBLISHED)
        for i in range(n)
    )
    start = timezone.now() + dt.timedelta(days=1)
    sessions = Session.objects.bulk_create(
        Session(listing=listings[i % len(listings)], starts_at=start + dt.timedelta(hours=i),
                ends_at=start + dt.timedelta(hours=i, minutes=90), capacity=5, signup_required=True)
        for i in range(n)
    )
    SignUp.objects.bulk_create(
        SignUp(session=sessions[0], name=f"参加者{i}", party_size=1,
               status=SignUp.Status.CONFIRMED if i < 5 else SignUp.Status.WAITLISTED)
        for i in range(n)
    )
    Place.objects.bulk_create(
        Place(name=f"会場{i}", address="練馬区豊玉北5-1", chome=place.chome, organization=organization) for i in range(n)
    )


@pytest.mark.parametrize("n", [10, 1000])
def test_the_dashboard_query_budget_holds(client, django_assert_max_num_queries, org_member, organization, n):
    _fill(organization, make_place(organization=organization), n)
    client.force_login(org_member)
    # session, user, membership+organization, listings count, listings page, upcoming sessions with both counts
    # (one aggregate query), places count, base.html's "マイ団体" link check, + 2 spare for middleware/messages.
    with django_assert_max_num_queries(10):
        response = client.get(reverse("community:organization_dashboard", args=[organization.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "5人" in body  # confirmed on the first session
    assert f"{n - 5}件" in body  # its waitlist


@pytest.mark.parametrize("n", [10, 1000])
def test_my_organizations_query_budget_holds(client, django_assert_max_num_queries, org_member, organization, n):
    orgs = Organization.objects.bulk_create(
        Organization(name=f"団体{i}", name_kana=f"だんたい{i}", kind="npo", status=PublicationStatus.PUBLISHED) for i in range(n)
    )
    Membership.objects.bulk_create(Membership(organization=o, user=org_member, role="editor") for o in orgs)
    _fill(organization, make_place(organization=organization), n)
    client.force_login(org_member)
    # session, user, count of memberships, the page of memberships with organization, area and listing count,
    # base.html's "マイ団体" link check, + 2 spare.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("community:my_organizations"))
    assertContains(response, response.context["memberships"][0].organization.name)


@pytest.mark.parametrize("n", [10, 1000])
def test_the_place_list_query_budget_holds(client, django_assert_max_num_queries, org_member, organization, n):
    _fill(organization, make_place(organization=organization), n)
    client.force_login(org_member)
    # session, user, membership+organization, places count, places page with 町丁目/町名/地域, base.html check, + 2 spare.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("community:place_list", args=[organization.pk]))
    assertContains(response, "会場0")


@pytest.mark.parametrize("n", [10, 1000])
def test_the_member_list_query_budget_holds(client, django_assert_max_num_queries, org_member, organization, n):
    from tests.conftest import make_user

    for i in range(min(n, 30)):
        Membership.objects.create(organization=organization, user=make_user(f"m{i}@example.jp"), role="editor")
    client.force_login(org_member)
    # session, user, my membership, members with users, pending invitations, base.html check, + 2 spare.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("community:member_list", args=[organization.pk]))
    assertContains(response, "m0@example.jp")
