"""Anonymous pages with a form that posts are shared whole: stored with a placeholder for the CSRF token, each
visitor gets their own token (and cookie) and can send the form; a page with any other per-visitor part is never
stored. The small pages are in tests/nerima_portal/token_urls.py."""

import hashlib
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.http import quote_etag

from nerima_portal.page_cache import MARK, Entry, page_key
from nerima_portal.page_token import placeholder

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.nerima_portal.token_urls")]

FORM = "/token-test/form/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def tokens(response) -> list[str]:
    return TOKEN.findall(response.content.decode())


def stored(response) -> Entry | None:
    """The page cache's entry for the page this response answered."""
    entry = cache.get(page_key(response.wsgi_request))
    return None if entry is None else Entry(*entry)


def cookie(client) -> str:
    return client.cookies[settings.CSRF_COOKIE_NAME].value


def sends(client, token: str) -> bool:
    """Whether the form, sent with this token, gets through the CSRF check."""
    response = client.post(FORM, {"csrfmiddlewaretoken": token, "note": "はじめまして"})
    assert response.status_code in (200, 403), response.status_code
    return response.status_code == 200 and response.content.decode() == "送信しました"


def test_the_stored_page_holds_the_placeholder_never_the_visitors_token_or_secret():
    visitor = Client()
    first = visitor.get(FORM)

    entry = stored(first)
    (token,) = tokens(first)
    assert first[MARK] == "miss"
    assert entry.with_token and entry.etag is None
    assert placeholder().encode() in entry.content
    assert token.encode() not in entry.content and cookie(visitor).encode() not in entry.content
    assert token != placeholder() and placeholder() not in first.content.decode()


def test_every_visitor_gets_their_own_token_and_cookie_and_can_send_the_form():
    first, newcomer, returning = (Client(enforce_csrf_checks=True) for _ in range(3))
    returning.get("/token-test/own-token/")  # has a CSRF cookie from an earlier page (that page is not stored)
    returning_cookie = cookie(returning)

    pages = [first.get(FORM), newcomer.get(FORM), returning.get(FORM)]

    assert [page[MARK] for page in pages] == ["miss", "hit", "hit"]
    assert settings.CSRF_COOKIE_NAME in pages[1].cookies  # set on a hit, as Django sets it
    assert cookie(returning) == returning_cookie  # renewed, not replaced
    (first_token,), (newcomer_token,), (returning_token,) = (tokens(page) for page in pages)
    assert len({first_token, newcomer_token, returning_token, placeholder()}) == 4
    assert not sends(newcomer, first_token)  # another visitor's token is worth nothing here
    assert sends(first, first_token) and sends(newcomer, newcomer_token) and sends(returning, returning_token)


@pytest.mark.parametrize("variant", [{}, {"furigana": "on"}, {"django_language": "en"}], ids=["ja", "furigana", "en"])
def test_every_form_of_a_page_gets_the_same_token_as_in_one_render(variant):
    # 国際交流's page has a form per other language.
    url = reverse("international:index")
    first, second = Client(), Client()
    first.cookies.load(variant)
    second.cookies.load(variant)

    miss, hit = first.get(url), second.get(url)

    assert miss[MARK] == "miss" and hit[MARK] == "hit"
    assert len(tokens(miss)) >= 3 and len(set(tokens(miss))) == 1
    assert len(tokens(hit)) == len(tokens(miss)) and len(set(tokens(hit))) == 1
    assert tokens(hit)[0] != tokens(miss)[0]


def test_a_page_with_the_token_has_no_etag_so_a_changed_cookie_never_gets_a_304():
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(FORM)
    again = visitor.get(FORM)
    assert "ETag" not in first and "ETag" not in again and again[MARK] == "hit"

    # The cookie changed (a sign-in rotates it; an expired one is replaced): the browser's copy's token is stale.
    # Whatever it asks with (any page, the stored page's hash), it gets the page again with a token that works.
    visitor.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    stored_hash = quote_etag(hashlib.md5(stored(first).content, usedforsecurity=False).hexdigest())
    asked = visitor.get(FORM, headers={"if-none-match": f"*, {stored_hash}"})

    assert asked.status_code == 200 and asked[MARK] == "hit"
    assert not sends(visitor, tokens(first)[0])
    assert sends(visitor, tokens(asked)[0])


@pytest.mark.parametrize(
    "url",
    [
        "/token-test/cookie/",
        "/token-test/session/",
        "/token-test/message/",
        "/token-test/private/",
        "/token-test/missing/",
        "/token-test/own-token/",
    ],
    ids=["sets another cookie", "writes the session", "adds a message", "private", "not 200", "takes the token itself"],
)
def test_a_page_with_the_token_and_another_per_visitor_part_is_never_stored(url):
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(url)
    again = Client(enforce_csrf_checks=True).get(url)

    assert MARK not in first and MARK not in again
    assert stored(first) is None
    # Rendered for each visitor, with their own token where the placeholder was.
    assert placeholder() not in first.content.decode()
    assert tokens(first)[0] != tokens(again)[0]
    assert sends(visitor, tokens(first)[0])


def test_a_form_sent_back_with_what_was_typed_is_never_shared():
    sender = Client(enforce_csrf_checks=True)
    token = tokens(sender.get(FORM))[0]

    sent_back = sender.post(FORM, {"csrfmiddlewaretoken": token, "again": "1", "note": "つえを使います"})

    assert sent_back.status_code == 200 and "つえを使います" in sent_back.content.decode()
    assert MARK not in sent_back
    after = Client().get(FORM)
    assert after[MARK] == "hit" and "つえを使います" not in after.content.decode()
    assert b"\xe3\x81\xa4\xe3\x81\x88" not in stored(after).content  # つえ


def test_a_signed_in_visitor_neither_gets_nor_leaves_a_shared_page(resident):
    member = Client(enforce_csrf_checks=True)
    member.force_login(resident)

    mine, again = member.get("/token-test/greets/"), member.get("/token-test/greets/")

    assert MARK not in mine and MARK not in again
    assert resident.email in again.content.decode() and tokens(again)[0] != placeholder()
    anonymous = Client().get("/token-test/greets/")
    assert anonymous[MARK] == "miss" and resident.email not in anonymous.content.decode()
    assert resident.email.encode() not in stored(anonymous).content


def test_a_visitor_with_a_malformed_cookie_gets_a_new_one_and_leaves_nothing_behind():
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies[settings.CSRF_COOKIE_NAME] = "not a token"

    page = visitor.get(FORM)

    assert MARK not in page and stored(page) is None
    assert cookie(visitor) != "not a token" and sends(visitor, tokens(page)[0])


def test_the_placeholder_belongs_to_the_deployment(settings):
    ours = placeholder()
    settings.SECRET_KEY = get_random_string(50)

    assert re.fullmatch(r"[0-9a-f]{64}", ours)  # as long as a masked token: the page keeps its length
    assert placeholder() != ours


def test_the_portals_pages_with_a_guest_form_are_shared(demo_data):
    from django.utils import timezone

    from community.models import Session
    from volunteers.models import AssociationProfile

    session = Session.objects.visible().filter(signup_required=True, starts_at__gt=timezone.now()).first()
    pages = {
        "申込（アカウントなし）": reverse("community:session_detail", args=[session.pk]),
        "相談受付": reverse("hiroba:request_create"),
        "加入の問い合わせ": reverse("volunteers:association_detail", args=[AssociationProfile.objects.first().pk]),
        "民生委員への連絡": reverse("volunteers:commissioner_contact"),
        "ほかの言語で読む": reverse("international:index"),
    }
    for form, url in pages.items():
        first, second = Client().get(url), Client().get(url)

        assert (first[MARK], second[MARK]) == ("miss", "hit"), form
        assert tokens(second) and set(tokens(first)).isdisjoint(tokens(second)), form
        assert settings.CSRF_COOKIE_NAME in second.cookies, form


def test_no_cached_fragment_holds_a_token():
    # A fragment is shared; one kept from a shared render would hold the placeholder, which only the page cache fills.
    from pathlib import Path

    fragment = re.compile(r"{%\s*cache\b.*?{%\s*endcache\s*%}", re.S)
    templates = Path(settings.BASE_DIR, "templates").rglob("*.html")
    holding = [str(path) for path in templates
               if any("csrf_token" in block for block in fragment.findall(path.read_text(encoding="utf-8")))]
    assert not holding
