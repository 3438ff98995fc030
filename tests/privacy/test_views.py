"""自分のデータ pages: login required, the summary, the download, the password-confirmed deletion."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Membership, Session, SignUp, User
from tests.conftest import make_listing

PASSWORD = "pass-word-123"


@pytest.mark.parametrize("name", ["personal_data", "personal_data_download", "account_delete"])
def test_the_visitor_is_sent_to_log_in(client, name):
    response = client.get(reverse(f"community:{name}"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_mypage_links_to_my_data(client, resident):
    client.force_login(resident)

    assert reverse("community:personal_data") in client.get(reverse("community:mypage")).content.decode()


def test_the_summary_lists_her_sections_and_not_the_neighbours(client, world):
    client.force_login(world.emi)

    page = client.get(reverse("community:personal_data")).content.decode()

    assert page.count("<h1>") == 1
    for title in ["開催回への申込", "パワーアップカレッジの受講申込と出席", "相談受付", "地域おこしプロジェクトの申請"]:
        assert title in page
    assert "resident@example.jp" in page
    assert "NENE" not in page and "nene@example.jp" not in page
    assert reverse("community:personal_data_download") in page
    assert reverse("community:account_delete") in page


def test_the_download_is_a_json_attachment_of_her_data(client, world):
    client.force_login(world.emi)

    response = client.get(reverse("community:personal_data_download"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="nerima-portal-my-data-')
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    text = response.content.decode("utf-8")
    assert "EMI-motivation" in text and "NENE" not in text
    assert "共有の町会" in text  # Japanese kept readable, not \\u-escaped
    assert json.loads(text)["apps"]["community"]["account"][0]["email"] == "resident@example.jp"


def test_the_confirmation_says_what_goes_and_what_stays_anonymized(client, resident):
    client.force_login(resident)

    page = client.get(reverse("community:account_delete")).content.decode()

    assert "削除するもの" in page and "残すもの" in page
    assert "監査のため" in page
    assert "キャンセル待ちの方が繰り上がります" in page
    assert "受付番号・分野・日付だけを統計用に残します" in page
    assert 'type="password"' in page


def test_a_wrong_password_shows_the_error_next_to_the_field_and_keeps_the_account(client, resident):
    client.force_login(resident)

    response = client.post(reverse("community:account_delete"), {"password": "nope"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "パスワードが正しくありません。" in page
    assert 'aria-invalid="true"' in page or "errorlist" in page
    assert User.objects.filter(pk=resident.pk).exists()


def test_an_empty_password_is_required(client, resident):
    client.force_login(resident)

    response = client.post(reverse("community:account_delete"), {"password": ""})

    assert response.status_code == 400
    assert "パスワードを入力してください。" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


def test_the_right_password_erases_logs_out_and_shows_the_done_page(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.emi)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("community:account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("community:account_deleted")
    assert not User.objects.filter(email="resident@example.jp").exists()
    done = client.get(response["Location"])
    assert done.status_code == 200 and "アカウントを削除しました" in done.content.decode()
    assert client.get(reverse("community:mypage")).status_code == 302  # logged out


def test_the_last_representative_sees_a_refusal_and_no_form(client, organization, org_member):
    client.force_login(org_member)

    page = client.get(reverse("community:account_delete")).content.decode()
    assert "ただ一人の代表者" in page and organization.name in page
    assert 'type="password"' not in page

    response = client.post(reverse("community:account_delete"), {"password": PASSWORD})
    assert response.status_code == 400
    assert User.objects.filter(pk=org_member.pk).exists()
    assert Membership.objects.filter(user=org_member).exists()


@pytest.mark.parametrize("count", [10, 1000])
def test_the_summary_page_has_a_fixed_query_budget(client, resident, organization, count, django_assert_max_num_queries):
    listing = make_listing(organization)
    start = timezone.now() - dt.timedelta(days=3)
    sessions = Session.objects.bulk_create([
        Session(listing=listing, starts_at=start - dt.timedelta(hours=i), ends_at=start - dt.timedelta(hours=i - 1))
        for i in range(count)
    ])
    SignUp.objects.bulk_create([
        SignUp(session=s, user=resident, name="練馬 エミ", status=SignUp.Status.CONFIRMED) for s in sessions
    ])
    client.force_login(resident)

    # auth session + user; community: e-mail addresses (account), sign-ups with their sessions and listings,
    # memberships, confirmed addresses (asked once, then kept on the user), invitations; volunteers: College
    # applications, profile, opening applications, invitations, registration, join inquiries, commissioner
    # contacts; hiroba: consultations; projects: grant applications; the base template's membership check = 17.
    # (Attendance and area prefetches add one query each only when those rows exist.) Constant for any number.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("community:personal_data"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"全{count}件" in page if count > 20 else "全" not in page
    assert page.count("<li>") < 80  # the page shows a screenful per section; the file has everything


@pytest.mark.parametrize("count", [10, 1000])
def test_the_download_has_a_fixed_query_budget(client, resident, organization, count, django_assert_max_num_queries):
    listing = make_listing(organization)
    start = timezone.now() - dt.timedelta(days=3)
    sessions = Session.objects.bulk_create([
        Session(listing=listing, starts_at=start - dt.timedelta(hours=i), ends_at=start - dt.timedelta(hours=i - 1))
        for i in range(count)
    ])
    SignUp.objects.bulk_create([
        SignUp(session=s, user=resident, name="練馬 エミ", status=SignUp.Status.CONFIRMED) for s in sessions
    ])
    client.force_login(resident)

    # The same 16 reads as the summary page, without the base template's membership check.
    with django_assert_max_num_queries(16):
        response = client.get(reverse("community:personal_data_download"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert len(json.loads(response.content)["apps"]["community"]["signups"]) == count
