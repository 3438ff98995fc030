"""The organizer's 参加者数 page and the QR check-in URL: who may use them, what they save, what they refuse."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Headcount, PersonalDataAccess, SignUp
from community.services.headcounts import checkin_token
from community.services.signups import signup_create
from tests.conftest import make_session, make_user


@pytest.fixture
def held(listing):
    session = make_session(listing, days=1)  # open for sign-up whatever the hour; moved into the past below
    signups = [signup_create(session=session, user=make_user(f"p{n}@example.jp", name=f"参加 {n}号"), party_size=n + 1)
               for n in range(2)]
    start = timezone.now() - dt.timedelta(minutes=30)
    session.starts_at, session.ends_at = start, start + dt.timedelta(hours=2)
    session.save(update_fields=["starts_at", "ends_at"])
    return session, signups


def _url(session):
    return reverse("community:session_headcount", args=[session.listing.organization_id, session.pk])


def test_the_member_records_walk_ins_and_ticks_who_came(client, org_member, held):
    session, signups = held
    client.force_login(org_member)
    page = client.get(_url(session))
    assert page.status_code == 200 and "参加 1号 さん（2人）" in page.content.decode()
    response = client.post(_url(session), {"walk_ins": "4", "checked_in": [str(signups[1].pk)]})
    assert response.status_code == 302
    assert Headcount.objects.values_list("total", flat=True).get() == 6
    assert "参加者数（6人）を記録しました" in client.get(response.url).content.decode()


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(client, org_member, held):
    session, signups = held
    client.force_login(org_member)
    response = client.post(_url(session), {"walk_ins": "たくさん", "checked_in": [str(signups[0].pk)]})
    body = response.content.decode()
    assert response.status_code == 400 and "人数は半角の数字で入力してください" in body
    assert 'id="id_walk_ins_error"' in body and 'aria-describedby="id_walk_ins_helptext id_walk_ins_error"' in body
    assert re.search(rf'value="{signups[0].pk}"[^>]*checked', body)  # the ticks are kept
    assert not Headcount.objects.exists() and not SignUp.objects.filter(checked_in_at__isnull=False).exists()


def test_a_session_days_ahead_is_refused_with_a_reason(client, org_member, listing):
    session = make_session(listing, days=5)
    client.force_login(org_member)
    response = client.post(_url(session), {"walk_ins": "3"})
    assert response.status_code == 400 and "開催の2時間前から" in response.content.decode()
    assert not Headcount.objects.exists()


def test_viewing_the_list_of_names_is_logged(client, org_member, held):
    client.force_login(org_member)
    client.get(_url(held[0]))
    assert PersonalDataAccess.objects.filter(user=org_member, rows=2).exists()


def test_the_sessions_page_links_recent_sessions_to_their_headcount(client, org_member, held):
    session, _signups = held
    client.force_login(org_member)
    page = client.get(reverse("community:listing_sessions", args=[session.listing.organization_id, session.listing_id]))
    assert _url(session) in page.content.decode() and "未記録" in page.content.decode()


# --- QR check-in -----------------------------------------------------------------------------------------

def _checkin(signup):
    return reverse("community:signup_checkin", args=[checkin_token(signup)])


def test_scanning_shows_whom_it_is_for_and_changes_nothing(client, org_member, held):
    _session, signups = held
    client.force_login(org_member)
    page = client.get(_checkin(signups[0]))
    assert page.status_code == 200 and "参加 0号 さん（1人）" in page.content.decode()
    assert SignUp.objects.get(pk=signups[0].pk).checked_in_at is None


def test_the_tap_checks_in_once_and_a_second_scan_says_so(client, org_member, held):
    session, signups = held
    client.force_login(org_member)
    first = client.post(_checkin(signups[1]))
    assert "参加 1号 さん（2人）を受付しました" in first.content.decode()
    again = client.post(_checkin(signups[1]))
    assert "すでに受付済みです" in again.content.decode()
    assert "すでに受付済みです" in client.get(_checkin(signups[1])).content.decode()
    assert Headcount.objects.get(session=session).total == 2
    assert SignUp.objects.filter(checked_in_at__isnull=False).count() == 1


def test_another_organizations_member_and_residents_get_404(client, other_org_member, resident, held):
    _session, signups = held
    for user in (other_org_member, resident, signups[0].user):
        client.force_login(user)
        assert client.get(_checkin(signups[0])).status_code == 404
        assert client.post(_checkin(signups[0])).status_code == 404
    assert not SignUp.objects.filter(checked_in_at__isnull=False).exists()


def test_a_forged_token_is_404_and_a_visitor_must_log_in(client, org_member, held):
    client.force_login(org_member)
    assert client.post(reverse("community:signup_checkin", args=["1:forged"])).status_code == 404
    client.logout()
    response = client.post(_checkin(held[1][0]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_resident_sees_their_qr_code_on_mypage(client, held):
    _session, signups = held
    signups[0].session.starts_at = timezone.now() + dt.timedelta(hours=1)
    signups[0].session.ends_at = timezone.now() + dt.timedelta(hours=3)
    signups[0].session.save(update_fields=["starts_at", "ends_at"])
    client.force_login(signups[0].user)
    body = client.get(reverse("community:mypage")).content.decode()
    assert 'class="checkin-qr" role="img"' in body and "<title>受付用のQRコード" in body
