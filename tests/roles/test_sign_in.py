"""Staff sign in through allauth with a second factor before any staff page opens; staff sessions end after 30
minutes idle or 12 hours in all; a changed password ends the session; residents keep the simple login."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client
from django.urls import reverse

from community import staff_sign_in
from community.models import User
from tests.conftest import TEST_TOTP_SECRET, totp_code

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")
LOGIN = reverse("account_login")


def password_login(client, user, next_url=ADMIN):
    return client.post(f"{LOGIN}?next={next_url}", {"login": user.email, "password": "pass-word-123"})


def test_the_admin_login_is_allauths_login(client):
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0] == f"{LOGIN}?next=%2Fadmin%2F"
    assert "パスワード" in response.content.decode()


def test_a_staff_password_alone_does_not_open_the_admin(client, staff):
    response = password_login(client, staff)
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get(ADMIN).status_code == 302
    assert "_auth_user_id" not in client.session  # not signed in until the second step


def test_password_then_the_authenticator_code_opens_the_admin(client, staff):
    password_login(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_the_code_shown_now_still_opens_the_admin_just_after_its_window_turns(client, staff, time_machine):
    """A code read at the last moment of its 30-second window and typed in the next one still works."""
    import datetime as dt

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import validate_totp_code

    period = app_settings.TOTP_PERIOD
    turn = (int(time.time()) // period + 2) * period
    time_machine.move_to(dt.datetime.fromtimestamp(turn - 0.5, tz=dt.UTC), tick=False)
    code = staff_sign_in.authenticator_code(TEST_TOTP_SECRET)
    time_machine.move_to(dt.datetime.fromtimestamp(turn + 20, tz=dt.UTC), tick=False)
    assert validate_totp_code(TEST_TOTP_SECRET, code)
    password_login(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302 and response["Location"] == ADMIN


def test_a_wrong_code_keeps_the_admin_closed(client, staff):
    password_login(client, staff)
    from allauth.mfa.totp.internal.auth import validate_totp_code

    wrong = next(code for code in ("000000", "111111", "222222", "333333") if not validate_totp_code(TEST_TOTP_SECRET, code))
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert client.get(ADMIN).status_code == 302


@pytest.fixture
def new_staff(staff_groups):
    """A staff account made by a superuser, without an authenticator app yet."""
    from community.roles import WARD_STAFF

    user = User.objects.create_user(email="new@example.jp", password="pass-word-123", full_name="新任 職員",
                                    is_staff=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(staff_groups[WARD_STAFF])
    return user


def reauthenticate(client):
    """allauth asks for the password again before any change to the sign-in methods."""
    return client.post(reverse("account_reauthenticate"), {"password": "pass-word-123"})


def test_a_staff_account_without_an_authenticator_is_sent_to_set_one_up(client, new_staff):
    password_login(client, new_staff)
    response = client.get(ADMIN, follow=True)
    visited = [url for url, _status in response.redirect_chain]
    assert any(url.startswith(reverse("mfa_activate_totp")) for url in visited)
    # Nothing else opens for the account meanwhile, not even its own pages outside the admin.
    response = client.get(reverse("community:mypage"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.django_db(transaction=True)  # allauth says "added" after the commit, inside the request
def test_setting_up_the_authenticator_app_counts_as_the_second_step(client, new_staff):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    from community.staff_sign_in import authenticator_code

    password_login(client, new_staff)
    reauthenticate(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    code = authenticator_code(secret)
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=new_staff, type="totp").exists()
    assert client.get(ADMIN).status_code == 200


def test_a_session_without_the_second_step_is_sent_to_give_it(new_staff, staff):
    plain = Client()  # Django's own client: signs in without the code step
    plain.force_login(staff)
    response = plain.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))
    response = plain.get(reverse("community:proxy_signup", args=[1]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate"))
    response = plain.post(reverse("mfa_reauthenticate"), {"code": totp_code()})
    assert plain.get(ADMIN).status_code == 200


def test_a_signed_in_resident_is_refused_the_admin(client, resident):
    client.force_login(resident)
    assert client.get(reverse("admin:login")).status_code == 403


def test_residents_keep_the_simple_login(client, resident):
    response = client.post(LOGIN, {"login": resident.email, "password": "pass-word-123"})
    assert response.status_code == 302 and response["Location"] == reverse("community:mypage")
    assert client.get(reverse("community:mypage")).status_code == 200
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] in ("", None)  # the usual two weeks


def test_a_staff_session_cookie_lasts_no_longer_than_the_idle_time(client, staff):
    password_login(client, staff)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert int(client.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == staff_sign_in.IDLE_SECONDS == 30 * 60


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[{"seen": staff_sign_in.SEEN_KEY, "started": staff_sign_in.STARTED_KEY}[key]] = now - ago
    session.save()


def test_thirty_minutes_idle_ends_a_staff_session(client, staff):
    client.force_login(staff)
    age_session(client, seen=30 * 60 + 5)
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "しばらく操作がなかった" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_twenty_nine_minutes_idle_keeps_it(client, staff):
    client.force_login(staff)
    age_session(client, seen=29 * 60)
    assert client.get(ADMIN).status_code == 200
    assert time.time() - client.session[staff_sign_in.SEEN_KEY] < 5  # and the clock starts again


def test_twelve_hours_end_a_staff_session_however_busy(client, staff):
    client.force_login(staff)
    age_session(client, seen=10, started=12 * 60 * 60 + 5)
    assert client.get(ADMIN).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_resident_session_has_no_idle_limit(client, resident):
    client.force_login(resident)
    age_session(client, seen=3 * 60 * 60, started=24 * 60 * 60)
    assert client.get(reverse("community:mypage")).status_code == 200


def test_changing_the_password_signs_out(client, resident):
    client.force_login(resident)
    response = client.post(reverse("account_change_password"), {
        "oldpassword": "pass-word-123", "password1": "a-new-pass-2026", "password2": "a-new-pass-2026",
    })
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("community:mypage")).status_code == 302


def test_staff_cannot_switch_off_their_only_authenticator(client, staff):
    client.force_login(staff)
    reauthenticate(client)
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert Authenticator.objects.filter(user=staff, type="totp").exists()


def test_a_resident_who_chose_two_factor_may_switch_it_off(client, resident):
    from tests.conftest import give_second_factor, record_second_factor

    give_second_factor(resident, TEST_TOTP_SECRET)
    client.force_login(resident)
    record_second_factor(client, resident)
    reauthenticate(client)
    client.post(reverse("mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=resident, type="totp").exists()


def test_demo_staff_sign_in_with_the_printed_key_and_the_demo_totp_command(staff_groups):
    import io

    from allauth.mfa.totp.internal.auth import TOTP
    from django.core.management import call_command

    from community.demo import demo_second_factor, demo_user

    user = demo_user("staff@demo.nerima.example.jp", "区職員 デモ", is_staff=True)
    demo_second_factor(user)
    demo_second_factor(user)  # once only
    out = io.StringIO()
    call_command("demo_totp", stdout=out)
    assert TOTP(Authenticator.objects.get(user=user, type="totp")).validate_code(out.getvalue().strip())


def test_the_demo_code_is_not_shown_in_production(settings):
    from django.core.management import CommandError, call_command

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("demo_totp")
