"""The client address comes from X-Forwarded-For only when our own proxy sent it (TRUSTED_PROXIES)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from nerima_portal.middleware import TrustedProxyMiddleware


def seen_address(settings, trusted, remote, forwarded=None) -> str:
    settings.TRUSTED_PROXIES = trusted
    middleware = TrustedProxyMiddleware(lambda request: HttpResponse(request.META["REMOTE_ADDR"]))
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return middleware(RequestFactory().get("/", **extra)).content.decode()


def test_without_trusted_proxies_the_header_is_ignored(settings):
    assert seen_address(settings, [], "198.51.100.9", "203.0.113.7") == "198.51.100.9"


def test_a_header_from_an_untrusted_address_is_ignored(settings):
    assert seen_address(settings, ["127.0.0.1"], "198.51.100.9", "203.0.113.7") == "198.51.100.9"


def test_our_proxy_reports_the_client(settings):
    assert seen_address(settings, ["127.0.0.1"], "127.0.0.1", "203.0.113.7") == "203.0.113.7"


def test_an_address_the_client_made_up_is_skipped_from_the_right(settings):
    # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it really saw.
    assert seen_address(settings, ["127.0.0.1"], "127.0.0.1", "1.2.3.4, 203.0.113.7") == "203.0.113.7"


def test_a_chain_of_trusted_proxies_is_walked_by_network(settings):
    assert seen_address(settings, ["10.0.0.0/8", "127.0.0.1"], "127.0.0.1", "203.0.113.7, 10.1.2.3") == "203.0.113.7"


def test_a_malformed_hop_keeps_the_proxy_address(settings):
    assert seen_address(settings, ["127.0.0.1"], "127.0.0.1", "not-an-address") == "127.0.0.1"


@pytest.mark.django_db
def test_everyone_behind_the_proxy_gets_their_own_consultation_limit(client, settings):
    from django.urls import reverse

    from tests.hiroba.test_requests import ANONYMOUS

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.HIROBA_REQUEST_RATE = "1/h"
    url = reverse("hiroba:request_create")
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert client.post(url, ANONYMOUS, **via_proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 302
    assert client.post(url, ANONYMOUS, **via_proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # A neighbour behind the same proxy is not locked out by the first visitor.
    assert client.post(url, ANONYMOUS, **via_proxy, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302
    # Making up an address in front of the proxy's does not escape the limit.
    spoofed = "198.51.100.1, 203.0.113.7"
    assert client.post(url, ANONYMOUS, **via_proxy, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
