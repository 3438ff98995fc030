"""Five languages are first-class: the compiled catalogs are used, <html lang> is right, Tagalog included."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def page_in(client, code, url="/"):
    client.cookies["django_language"] = code
    response = client.get(url)
    return response, response.content.decode()


def test_tagalog_is_registered_with_its_language_info():
    info = translation.get_language_info("tl")
    assert info["name_local"] == "Tagalog"
    assert "tl" in dict(settings.LANGUAGES)
    assert translation.check_for_language("tl")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "For foreign residents"),
        ("zh-hans", "致外国居民"),
        ("ko", "외국인 주민 여러분께"),
        ("tl", "Para sa mga dayuhang residente"),
    ],
)
def test_home_page_is_translated_from_the_compiled_catalog(client, code, expected):
    response, page = page_in(client, code)
    assert response.status_code == 200
    assert re.search(r'<html lang="([^"]+)"', page).group(1) == code
    assert expected in page
    assert response["Content-Language"] == code


def test_tagalog_login_page_uses_our_allauth_translations(client):
    _response, page = page_in(client, "tl", reverse("account_login"))
    assert '<html lang="tl"' in page
    assert "Tandaan ako" in page  # allauth's "Remember Me", from our Tagalog catalog


def test_logged_in_resident_gets_the_stored_language(client, resident):
    resident.preferred_language = "tl"
    resident.save(update_fields=["preferred_language"])
    client.force_login(resident)
    page = client.get(reverse("international:index")).content.decode()
    assert '<html lang="tl"' in page
    assert "Para sa mga dayuhang residente" in page
