"""The language switcher: the page's lang follows the choice; a logged-in resident keeps it on the account."""

import pytest
from django.conf import settings
from django.urls import reverse

LANGS = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", LANGS)
def test_switching_sets_the_cookie_and_the_html_lang(client, code):
    response = client.post(reverse("set_language"), {"language": code, "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == code
    html = client.get("/").content.decode()
    assert f'<html lang="{code}"' in html
    assert f'<option value="{code}" lang="{code}" selected>' in html


def test_a_logged_in_resident_keeps_the_choice(client, resident):
    client.force_login(resident)
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    resident.refresh_from_db()
    assert resident.preferred_language == "ko"
    # On another device (no cookie) the stored choice still applies.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert '<html lang="ko"' in client.get("/").content.decode()


def test_unknown_language_changes_nothing(client, resident):
    client.force_login(resident)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    resident.refresh_from_db()
    assert resident.preferred_language == "ja"


def test_switching_back_returns_to_the_page_you_were_on(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response["Location"] == "/accounts/login/"


def test_next_pointing_elsewhere_is_ignored(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example.com/"})
    assert "evil" not in response["Location"]
