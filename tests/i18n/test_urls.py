"""Per-language URLs: /en/…, /zh-hans/…, /ko/…, /tl/…, /easy/…; Japanese unprefixed; the choice still sets the default."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PREFIXES = {"en": "/en/", "zh-hans": "/zh-hans/", "ko": "/ko/", "tl": "/tl/", "ja-x-easy": "/easy/"}


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("code", "prefix"), PREFIXES.items())
def test_each_language_has_its_prefix(client, code, prefix):
    response = client.get(f"{prefix}cafes/")
    assert response.status_code == 200
    assert html_lang(response) == code
    assert response["Content-Language"] == code
    with translation.override(code):
        assert reverse("cafes:index") == f"{prefix}cafes/"


def test_japanese_has_no_prefix_and_links_stay_in_the_pages_language(client):
    assert reverse("cafes:index") == "/cafes/"
    page = client.get("/tl/cafes/").content.decode()
    assert 'href="/tl/hiroba/"' in page
    assert 'href="/hiroba/"' not in page


def test_the_prefix_wins_over_the_cookie_and_the_account(client, resident):
    resident.preferred_language = "ko"
    resident.save(update_fields=["preferred_language"])
    client.force_login(resident)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert html_lang(client.get("/tl/")) == "tl"


def test_an_unprefixed_page_follows_the_cookie_then_the_account(client, resident):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/cafes/")
    assert html_lang(response) == "en"
    assert "Cookie" in response["Vary"]
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    resident.preferred_language = "zh-hans"
    resident.save(update_fields=["preferred_language"])
    client.force_login(resident)
    assert html_lang(client.get("/cafes/")) == "zh-hans"


def test_every_page_names_its_other_languages_with_hreflang(client):
    page = client.get("/cafes/?area=nerima").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert alternates == {
        "ja": "http://testserver/cafes/?area=nerima", "x-default": "http://testserver/cafes/?area=nerima",
        "en": "http://testserver/en/cafes/?area=nerima", "zh-hans": "http://testserver/zh-hans/cafes/?area=nerima",
        "ko": "http://testserver/ko/cafes/?area=nerima", "tl": "http://testserver/tl/cafes/?area=nerima",
        "ja-x-easy": "http://testserver/easy/cafes/?area=nerima",
    }


def test_the_admin_and_the_switches_have_one_url(client, staff):
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    assert client.get("/en/admin/").status_code == 404
    assert reverse("set_language") == "/i18n/setlang/"
    assert 'hreflang' not in client.get("/admin/").content.decode()


def test_switching_on_a_prefixed_page_goes_to_the_same_page_in_the_new_language(client):
    response = client.post(reverse("set_language"), {"language": "ko", "next": "/tl/cafes/?area=nerima"})
    assert response["Location"] == "/ko/cafes/?area=nerima"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ko"
    response = client.post(reverse("set_language"), {"language": "ja", "next": "/ko/cafes/"})
    assert response["Location"] == "/cafes/"
    response = client.post(reverse("set_language"), {"language": "ja-x-easy", "next": "/en/hiroba/finder/"})
    assert response["Location"] == "/easy/hiroba/finder/"


def test_the_switcher_offers_six_languages_with_easy_japanese(client):
    page = client.get("/").content.decode()
    assert '<option value="ja-x-easy" lang="ja-x-easy" >やさしい日本語</option>' in page
    assert page.count('<option value="') >= 6


def test_a_request_does_not_leave_its_language_behind(client):
    client.get("/tl/")
    assert translation.get_language() == settings.LANGUAGE_CODE
    assert reverse("home") == "/"
