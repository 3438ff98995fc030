"""Accounts: sign up → verification mail → confirm → log in, every page in Japanese with one h1."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from community.models import User

ACCOUNT_PAGES = [
    "account_login", "account_signup", "account_reset_password", "account_reset_password_done",
    "account_email_verification_sent",
]
PASSWORD = "sakura-tsutsuji-2026"


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_entrance_pages_are_japanese_with_one_h1(client, name):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<html lang="ja"' in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize("name", ["account_email", "account_change_password", "account_logout"])
def test_management_pages_are_japanese_with_one_h1(client, resident, name):
    client.force_login(resident)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_signup_verification_and_login(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), {"email": "hanako@example.jp", "password1": PASSWORD, "password2": PASSWORD}
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("[ねりま地域福祉ポータル]")
    assert "登録を完了" in message.body or "登録が完了" in message.body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    path = link.split("testserver", 1)[1]

    # Mandatory verification: the password alone does not let an unverified address in.
    client.post(reverse("account_login"), {"login": "hanako@example.jp", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    page = client.get(path)
    assert page.status_code == 200
    assert "確認する" in page.content.decode()
    confirmed = client.post(path)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="hanako@example.jp").verified

    client.logout()
    logged_in = client.post(reverse("account_login"), {"login": "hanako@example.jp", "password": PASSWORD})
    assert logged_in.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="hanako@example.jp").pk)


def test_signup_errors_are_japanese_next_to_the_field_and_keep_the_email(client):
    response = client.post(reverse("account_signup"), {"email": "hanako@example.jp", "password1": "123", "password2": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "このパスワードは短すぎます" in html
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in html
    assert 'id="id_password1_error"' in html
    assert 'value="hanako@example.jp"' in html


def test_wrong_password_is_explained_in_japanese(client, resident):
    response = client.post(reverse("account_login"), {"login": resident.email, "password": "wrong-password"})
    assert "メールアドレスもしくはパスワードが正しくありません" in response.content.decode()


def test_rate_limits_are_on():
    assert settings.ACCOUNT_RATE_LIMITS is not False
    assert {"login_failed", "signup", "confirm_email", "reset_password"} <= set(settings.ACCOUNT_RATE_LIMITS)


def test_repeated_failed_logins_are_stopped(client, resident):
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": resident.email, "password": "wrong-password"})
    response = client.post(reverse("account_login"), {"login": resident.email, "password": "pass-word-123"})
    assert "ログイン失敗が連続しています" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_mail_is_japanese(client, resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": resident.email})
    assert len(mail.outbox) == 1
    assert "新しいパスワードを決めてください" in mail.outbox[0].body
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_logout_is_a_post(client, resident):
    client.force_login(resident)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
