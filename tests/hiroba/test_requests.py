"""相談受付 from the public: no account, anonymous allowed, honeypot and a per-address limit."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from hiroba.models import ConsultationRequest

pytestmark = pytest.mark.django_db

NAMED = {
    "topic": "elderly", "message": "母の介護のことで相談したいです。", "language": "ja", "contact_method": "phone",
    "preferred_time": "平日の午後", "name": "練馬 花子", "phone": "03-1234-5678", "consent": "on",
}
ANONYMOUS = {"topic": "living", "message": "生活のことで相談したいです。", "language": "ja", "is_anonymous": "on",
             "consent": "on"}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_named_request_is_saved_and_the_reference_shown(client, ward_desk):
    response = client.post(reverse("hiroba:request_create"), NAMED, follow=True)
    consultation = ConsultationRequest.objects.get()
    body = response.content.decode()
    assert consultation.name == "練馬 花子" and consultation.phone == "03-1234-5678"
    assert consultation.status == "new" and consultation.consented_at is not None
    assert consultation.reference in body
    assert "03-3993-1111" in body


def test_an_anonymous_request_keeps_no_contact_details_and_shows_where_to_call(client, ward_desk):
    data = {**ANONYMOUS, "name": "書いた名前", "phone": "03-0000-0000"}
    response = client.post(reverse("hiroba:request_create"), data, follow=True)
    consultation = ConsultationRequest.objects.get()
    assert consultation.is_anonymous
    assert consultation.name == "" and consultation.phone == "" and consultation.contact_method == "none"
    body = response.content.decode()
    assert consultation.reference in body
    assert "お電話で受付番号を伝えてください" in body
    assert "練馬区役所 代表電話" in body


def test_reference_codes_avoid_characters_that_are_hard_to_read_aloud(client):
    client.post(reverse("hiroba:request_create"), ANONYMOUS)
    reference = ConsultationRequest.objects.get().reference
    assert reference.startswith("S-") and len(reference) == 11
    assert not set(reference) & set("01OIL")


def test_a_named_request_without_a_phone_gets_an_error_next_to_the_field(client):
    response = client.post(reverse("hiroba:request_create"), {**NAMED, "phone": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "連絡のため、電話番号を入れてください。" in body
    assert "母の介護のことで相談したいです。" in body  # what was typed is kept
    assert not ConsultationRequest.objects.exists()


def test_email_contact_needs_an_email(client):
    response = client.post(reverse("hiroba:request_create"), {**NAMED, "contact_method": "email", "phone": ""})
    assert "メールアドレスを入れてください" in response.content.decode()


def test_consent_is_required(client):
    data = {key: value for key, value in ANONYMOUS.items() if key != "consent"}
    response = client.post(reverse("hiroba:request_create"), data)
    assert "同意が必要です" in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_the_honeypot_field_stops_robots_and_saves_nothing(client):
    response = client.post(reverse("hiroba:request_create"), {**ANONYMOUS, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()


def test_the_honeypot_is_labelled_for_people_and_out_of_the_tab_order(client):
    body = client.get(reverse("hiroba:request_create")).content.decode()
    assert "この欄には何も入力しないでください" in body
    assert 'tabindex="-1"' in body


def test_one_address_may_send_only_a_few_requests_per_hour(client, settings):
    settings.HIROBA_REQUEST_RATE = "2/h"
    for _ in range(2):
        assert client.post(reverse("hiroba:request_create"), ANONYMOUS).status_code == 302
    response = client.post(reverse("hiroba:request_create"), ANONYMOUS)
    assert response.status_code == 429
    assert "時間をおいて" in response.content.decode()
    assert ConsultationRequest.objects.count() == 2


def test_the_limit_is_per_address(client, settings):
    settings.HIROBA_REQUEST_RATE = "1/h"
    assert client.post(reverse("hiroba:request_create"), ANONYMOUS, REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(reverse("hiroba:request_create"), ANONYMOUS, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(reverse("hiroba:request_create"), ANONYMOUS, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_invalid_posts_do_not_use_up_the_limit(client, settings):
    settings.HIROBA_REQUEST_RATE = "1/h"
    for _ in range(3):
        client.post(reverse("hiroba:request_create"), {**NAMED, "phone": ""})
    assert client.post(reverse("hiroba:request_create"), ANONYMOUS).status_code == 302


def test_the_done_page_without_a_request_goes_back_to_the_form(client):
    response = client.get(reverse("hiroba:request_done"))
    assert response.status_code == 302 and response.url == reverse("hiroba:request_create")


def test_the_database_refuses_a_named_request_without_contact():
    from django.db import IntegrityError
    from django.utils import timezone

    with pytest.raises(IntegrityError):
        ConsultationRequest.objects.create(reference="S-TEST-0002", topic="other", message="x", contact_method="phone",
                                           consented_at=timezone.now())
