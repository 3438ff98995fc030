"""A newcomer reaches the admin with nothing but what `make run` prints: the demo staff password and the key for an
authenticator app (demo staff need a second factor like real staff); `manage.py demo_totp` shows today's code."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed(demo_data) -> str:
    """What `make run` prints before the server starts (it runs setup_portal, which loads the demo)."""
    out = io.StringIO()
    call_command("setup_portal", stdout=out)
    return out.getvalue()


def test_the_printed_password_and_key_open_the_admin_for_demo_staff(printed, client):
    password = re.search(r"パスワード（デモ用・共通）: (\S+)", printed).group(1)
    assert "二段階認証" in printed
    key = re.search(r"^\s+([A-Z2-7]{32})$", printed, re.M).group(1)
    for email in ["staff@demo.nerima.example.jp", "coordinator@demo.nerima.example.jp",
                  "reviewer@demo.nerima.example.jp"]:
        assert email in printed
        client.logout()
        response = client.post(reverse("account_login"), {"login": email, "password": password})
        assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate")), email
        client.post(reverse("mfa_authenticate"), {"code": totp_code(key)})
        assert client.get(reverse("admin:index")).status_code == 200, email


def test_demo_totp_prints_the_code_an_app_with_the_printed_key_shows(printed, time_machine):
    key = re.search(r"^\s+([A-Z2-7]{32})$", printed, re.M).group(1)
    time_machine.move_to("2026-12-07 10:00:29+09:00", tick=False)  # both codes from one 30-second step
    out = io.StringIO()
    call_command("demo_totp", stdout=out)
    assert out.getvalue().strip() == totp_code(key)
