import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import PublicationStatus, SignUp
from community.services.signups import cancel_token, signup_create
from tests.conftest import make_listing, make_session, make_user


@pytest.fixture
def session(listing):
    return make_session(listing, capacity=1)


def test_a_visitor_sees_the_session_and_is_asked_to_log_in(client, session):
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert session.listing.title in body
    assert "ログインして申し込む" in body
    assert body.count("<h1") == 1


def test_a_draft_listings_session_is_not_public(client, organization, place):
    hidden = make_session(make_listing(organization, place=place, status=PublicationStatus.PENDING))
    assert client.get(reverse("community:session_detail", args=[hidden.pk])).status_code == 404


def test_signing_up_through_the_page(client, resident, session):
    client.force_login(resident)
    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": "1"})
    assert response.status_code == 302
    assert SignUp.objects.get(user=resident).status == SignUp.Status.CONFIRMED
    assert "この回に申込済みです" in client.get(reverse("community:session_detail", args=[session.pk])).content.decode()


def test_a_bad_party_size_is_shown_next_to_the_field(client, resident, session):
    client.force_login(resident)
    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": "0", "note": "車いすで行きます"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "人数は1人以上で入力してください" in body
    assert "車いすで行きます" in body
    assert 'aria-invalid="true"' in body
    assert not SignUp.objects.exists()


def test_signing_up_needs_a_login(client, session):
    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_ics_file_describes_the_session(client, session):
    response = client.get(reverse("community:session_ics", args=[session.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and f"SUMMARY:{session.listing.title}" in body and "\r\n" in body


def test_the_cancel_link_asks_then_cancels_without_login(client, resident, session):
    signup = signup_create(session=session, user=resident)
    url = reverse("community:signup_cancel", args=[cancel_token(signup)])
    assert "よろしいですか" in client.get(url).content.decode()
    assert "キャンセルしました" in client.post(url).content.decode()
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED
    assert "すでにキャンセルされています" in client.get(url).content.decode()


def test_a_forged_cancel_link_is_404(client):
    assert client.get(reverse("community:signup_cancel", args=["not-a-token"])).status_code == 404


def test_one_cannot_cancel_someone_elses_signup_from_mypage(client, resident, session):
    signup = signup_create(session=session, user=resident)
    client.force_login(make_user("other@example.jp"))
    assert client.post(reverse("community:mypage_signup_cancel", args=[signup.pk])).status_code == 404
    signup.refresh_from_db()
    assert signup.is_active


@pytest.mark.parametrize("count", [10, 1000])
def test_mypage_has_a_fixed_query_budget(client, resident, listing, django_assert_max_num_queries, count):
    import datetime as dt

    from django.utils import timezone

    from community.models import Session

    start = timezone.now() + dt.timedelta(days=1)
    sessions = Session.objects.bulk_create(
        [Session(listing=listing, starts_at=start + dt.timedelta(hours=i), ends_at=start + dt.timedelta(hours=i, minutes=30),
                 signup_required=True) for i in range(count)]
    )
    SignUp.objects.bulk_create(
        [SignUp(session=s, user=resident, name="練馬 エミ", status=SignUp.Status.CONFIRMED) for s in sessions]
    )
    client.force_login(resident)
    # auth session + user, the sign-ups joined with sessions, listings and places, and the page's own small
    # lookups (memberships for the menu, other apps' マイページ sections): constant in the number of sign-ups.
    with django_assert_max_num_queries(12):
        response = client.get(reverse("community:mypage"))
    assertContains(response, listing.title)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_session_page_has_a_fixed_query_budget(client, resident, session, django_assert_max_num_queries, count):
    SignUp.objects.bulk_create(
        [SignUp(session=session, name=f"人{i}", status=SignUp.Status.WAITLISTED) for i in range(count)]
    )
    client.force_login(resident)
    # auth session + user, the session with listing/place/organization, seats (one aggregate), my sign-up,
    # the base template's membership check.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("community:session_detail", args=[session.pk]))
    assertContains(response, session.listing.title)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_public_organization_page_has_a_fixed_query_budget(client, organization, place, django_assert_max_num_queries, count):
    from community.models import Listing

    Listing.objects.bulk_create(
        [Listing(organization=organization, kind="community.listing", title=f"活動{i}", title_kana=f"かつどう{i}",
                 place=place, status=PublicationStatus.PUBLISHED) for i in range(count)]
    )
    place.organization = organization
    place.save()
    # the organization, its listings (capped at 100) with places, one query per listing kind, its places.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("community:organization_detail", args=[organization.pk]))
    assert response.status_code == 200 and "活動0" in response.content.decode()


def test_an_unapproved_organization_has_no_public_page(client):
    from tests.conftest import make_organization

    pending = make_organization("審査中の会", status=PublicationStatus.PENDING)
    assert client.get(reverse("community:organization_detail", args=[pending.pk])).status_code == 404
