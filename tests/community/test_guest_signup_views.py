"""The guest sign-up form on a session page, what it says next, and the mail's link in any browser."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from community.models import SignUp
from community.services.guest_signups import confirm_token, guest_signup_start
from tests.conftest import make_session

GUEST = {"name": "石神井 ハナ", "phone": "03-1234-5678", "email": "", "party_size": "1", "note": ""}


@pytest.fixture
def session(listing):
    listing.organization.contact_phone = "03-5555-0101"
    listing.organization.save(update_fields=["contact_phone"])
    return make_session(listing, capacity=2)


def _post(client, session, follow=False, **data):
    return client.post(reverse("community:guest_signup", args=[session.pk]), {**GUEST, **data}, follow=follow)


def test_a_visitor_sees_the_guest_form_and_the_organizers_phone(client, session):
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert "アカウントなしで申し込む" in body
    assert 'href="tel:0355550101"' in body  # the organizer's phone as a tel: link (digits only)
    assert 'autocomplete="tel"' in body


def test_a_phone_only_guest_sees_the_reference_and_whom_to_call(client, session):
    response = _post(client, session, follow=True)
    signup = SignUp.objects.get()
    body = response.content.decode()
    assert signup.status == SignUp.Status.CONFIRMED
    assert signup.reference in body and "申込を受け付けました" in body
    assert 'href="tel:0355550101"' in body  # the organizer's phone as a tel: link (digits only)


def test_a_double_submit_shows_the_same_reference(client, session):
    _post(client, session)
    response = _post(client, session, follow=True)
    assert SignUp.objects.count() == 1
    assert SignUp.objects.get().reference in response.content.decode()


def test_someone_else_using_the_same_phone_is_not_shown_the_reference(client, session):
    _post(client, session)
    stranger = Client()
    response = _post(stranger, session)
    body = response.content.decode()
    assert "すでに申し込まれています" in body
    assert SignUp.objects.get().reference not in body


def test_the_done_page_is_only_for_the_browser_that_signed_up(client, session):
    _post(client, session)
    url = reverse("community:guest_signup_done", args=[SignUp.objects.get().pk])
    assert client.get(url).status_code == 200
    assert Client().get(url).status_code == 404


def test_a_guest_without_phone_or_email_gets_an_error_next_to_the_phone_field(client, session):
    response = _post(client, session, phone="", note="つえを使います")
    body = response.content.decode()
    assert response.status_code == 400
    assert "電話番号かメールアドレスのどちらかを入力してください" in body
    assert "つえを使います" in body and 'aria-invalid="true"' in body
    assert not SignUp.objects.exists()


def test_what_one_guest_typed_never_reaches_the_next_visitors_form(client, session, settings):
    # The empty form is a cached fragment; a form with errors is rendered for its sender alone.
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("community:session_detail", args=[session.pk])
    client.get(url)
    assert "つえを使います" in _post(client, session, phone="", note="つえを使います").content.decode()

    after = Client().get(url).content.decode()
    assert "つえを使います" not in after and 'aria-invalid="true"' not in after
    assert "アカウントなしで申し込む" in after


def test_a_malformed_phone_number_is_refused_next_to_the_field(client, session):
    response = _post(client, session, phone="12-34")
    assert response.status_code == 400
    assert "10けたか11けた" in response.content.decode()


def test_an_email_guest_is_told_to_open_the_mail(client, session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, session, phone="", email="hana@example.jp", follow=True)
    assert "確認のメールを送りました" in response.content.decode()
    assert SignUp.objects.get().status == SignUp.Status.PENDING
    assert mail.outbox[0].to == ["hana@example.jp"]


def test_the_mail_link_in_a_fresh_browser_finishes_the_signup(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(Client(), session, phone="", email="hana@example.jp")
    path = re.search(r"/guest-signups/confirm/[^/\s]+/", mail.outbox[0].body).group(0)
    fresh = Client(enforce_csrf_checks=True)
    page = fresh.get(path)
    assert "申込を完了する" in page.content.decode()
    assert SignUp.objects.get().status == SignUp.Status.PENDING  # a GET (a mail scanner) changes nothing
    response = fresh.post(path, {"csrfmiddlewaretoken": page.cookies["csrftoken"].value})
    assert response.status_code == 200
    signup = SignUp.objects.get()
    assert signup.status == SignUp.Status.CONFIRMED
    assert signup.reference in response.content.decode()


def test_a_forged_confirm_link_is_404(client):
    assert client.get(reverse("community:guest_signup_confirm", args=["forged"])).status_code == 404


def test_a_confirm_link_for_a_closed_session_explains(client, listing):
    session = make_session(listing, capacity=2)
    pending, _ = guest_signup_start(session=session, name="A", email="a@example.jp")
    session.is_cancelled = True
    session.save(update_fields=["is_cancelled"])
    response = client.post(reverse("community:guest_signup_confirm", args=[confirm_token(pending)]))
    assert response.status_code == 400
    assert "受け付けは終わりました" in response.content.decode()


def test_guest_signups_are_rate_limited_per_address(client, session, settings):
    session.capacity = None
    session.save(update_fields=["capacity"])
    for i in range(10):
        assert _post(client, session, phone=f"03-1234-{i:04d}").status_code == 302
    response = _post(client, session, phone="03-9999-0000")
    assert response.status_code == 429
    assert "お電話ください" in response.content.decode()
    assert SignUp.objects.count() == 10


def test_a_signed_in_resident_still_gets_the_account_form(client, session, resident):
    client.force_login(resident)
    body = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert "アカウントなしで申し込む" not in body and "申し込む" in body


def test_the_organizer_sees_the_reference_in_the_list(client, session, org_member):
    guest_signup_start(session=session, name="石神井 ハナ", phone="03-1234-5678")
    client.force_login(org_member)
    url = reverse("community:session_signups", args=[session.listing.organization_id, session.pk])
    assert SignUp.objects.get().reference in client.get(url).content.decode()


def test_a_robot_filling_the_hidden_field_is_refused_and_nothing_is_saved(client, session):
    response = _post(client, session, website="http://spam.example")
    assert response.status_code == 400
    assert "送信できませんでした" in response.content.decode()
    assert not SignUp.objects.exists()
