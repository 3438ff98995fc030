"""Error pages (404, 403, 500, CSRF) in the site's layout and the reader's language, with the ward's phone;
the CSRF page keeps what was typed and offers to send it again, only for forms of this site."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from hiroba.models import ConsultationRequest

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TITLES = {
    "404": {"ja": "ページが見つかりません", "en": "Page not found"},
    "500": {"ja": "ただいま表示できません", "en": "temporarily unavailable"},
    "403": {"ja": "このページは見られません", "en": "cannot view this page"},
    "csrf": {"ja": "送信できませんでした", "en": "Could not be sent"},
}
CONSULT = {
    "topic": "elderly", "message": "母の介護のことで<相談>したいです。", "language": "ja", "contact_method": "phone",
    "preferred_time": "平日の午後", "name": "練馬 花子", "phone": "03-1234-5678", "consent": "on",
}


@pytest.fixture(autouse=True)
def _error_urls(settings):
    settings.ROOT_URLCONF = "tests.nerima_portal.error_urls"
    settings.DEBUG = False


def _client(language: str, **extra) -> Client:
    client = Client(raise_request_exception=False, **extra)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _assert_site_page(response, status: int, language: str, kind: str):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html
    assert 'class="site-header"' in html and html.count("<h1") == 1
    assert 'href="tel:03-3993-1111"' in html  # the ward's phone
    assert "Traceback" not in html and "a bug, on purpose" not in html
    if language in TITLES[kind]:
        assert TITLES[kind][language] in html
    else:
        assert TITLES[kind]["ja"] not in html  # translated, not left in Japanese


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found(db, language):
    _assert_site_page(_client(language).get("/no-such-page/"), 404, language, "404")


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error(db, language):
    _assert_site_page(_client(language).get("/test-error/boom/"), 500, language, "500")


@pytest.mark.parametrize("language", LANGUAGES)
def test_permission_denied(db, language):
    _assert_site_page(_client(language).get("/test-error/forbidden/"), 403, language, "403")


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure_offers_to_send_again(db, language):
    client = _client(language, enforce_csrf_checks=True)
    response = client.post(reverse("hiroba:request_create"), CONSULT, HTTP_ORIGIN="http://testserver")
    _assert_site_page(response, 403, language, "csrf")
    html = response.content.decode()
    assert '<input type="hidden" name="message" value="母の介護のことで&lt;相談&gt;したいです。">' in html
    assert "母の介護のことで&lt;相談&gt;したいです。" in html  # shown, escaped


def test_the_offered_form_really_sends_it_again(db):
    client = _client("ja", enforce_csrf_checks=True)
    refused = client.post(reverse("hiroba:request_create"), CONSULT, HTTP_ORIGIN="http://testserver")
    html = refused.content.decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    assert "csrfmiddlewaretoken" in fields and fields["name"] == "練馬 花子"
    fields["message"] = CONSULT["message"]  # the page escaped it; a browser would send the plain text
    response = client.post(reverse("hiroba:request_create"), fields, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert ConsultationRequest.objects.get().message == CONSULT["message"]


def test_a_form_from_another_site_is_shown_but_not_offered_again(db):
    client = _client("ja", enforce_csrf_checks=True)
    response = client.post(reverse("hiroba:request_create"), CONSULT, HTTP_ORIGIN="https://evil.example")
    html = response.content.decode()
    assert response.status_code == 403
    assert "もう一度送信する" not in html and 'name="message"' not in html
    assert "前のページに戻り" in html


def test_a_password_is_never_echoed(db):
    client = _client("ja", enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": "a@example.jp", "password": "secret-pass-123"}, HTTP_ORIGIN="http://testserver"
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "secret-pass-123" not in html and "もう一度送信する" not in html
    assert "パスワードは表示しません" in html


def test_if_even_the_error_page_fails_a_plain_page_with_the_phone_is_sent(db, monkeypatch):
    from nerima_portal import errors

    def broken_render(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(errors, "render", broken_render)
    response = _client("ja").get("/test-error/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "ただいま表示できません" in html and "03-3993-1111" in html and "Traceback" not in html
