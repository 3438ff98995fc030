"""apply_retention: each record type's period, with a frozen "now" passed in; a second run changes nothing."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from community.models import Session, SignUp, User
from community.personal_data import ANONYMIZED_NAME, personal_data_apply_retention
from hiroba.models import ConsultationRequest
from tests.conftest import make_listing, make_organization, make_user
from volunteers.models import CollaboratorRegistration, CommissionerContact, JoinInquiry

NOW = dt.datetime(2030, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
DAY = dt.timedelta(days=1)
YEAR = dt.timedelta(days=365)


def days_ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


@pytest.fixture
def association(db):
    return make_organization("保存期間テスト町会", name_kana="ほぞんきかんてすとちょうかい")


def signup_for_session_ended(listing, ended_at, name: str) -> SignUp:
    session = Session.objects.create(
        listing=listing, starts_at=ended_at - dt.timedelta(hours=2), ends_at=ended_at, signup_required=True,
    )
    user = make_user(f"{name}@example.jp", name=name)
    return SignUp.objects.create(
        session=session, user=user, name=name, phone="03-1234-5678", email=f"{name}@example.jp", note="杖を使います",
        status=SignUp.Status.CONFIRMED,
    )


def test_sign_ups_are_anonymized_one_year_after_the_session(association):
    listing = make_listing(association)
    old = signup_for_session_ended(listing, NOW - YEAR - DAY, "old")
    recent = signup_for_session_ended(listing, NOW - YEAR + DAY, "recent")

    counts = personal_data_apply_retention(now=NOW)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.user_id, old.name, old.phone, old.email, old.note) == (None, ANONYMIZED_NAME, "", "", "")
    assert old.party_size == 1 and old.status == SignUp.Status.CONFIRMED
    assert recent.name == "recent" and recent.user_id is not None
    assert _count(counts, "開催回の申込") == 1
    assert _count(personal_data_apply_retention(now=NOW), "開催回の申込") == 0


def test_join_inquiries_are_deleted_three_years_after_the_answer(association):
    answered_long_ago = JoinInquiry.objects.create(
        association=association, name="A", email="a@example.jp", created_at=days_ago(1200),
        status=JoinInquiry.Status.ANSWERED, answered_at=NOW - 3 * YEAR - DAY,
    )
    answered_lately = JoinInquiry.objects.create(
        association=association, name="B", email="b@example.jp", created_at=days_ago(1200),
        status=JoinInquiry.Status.ANSWERED, answered_at=NOW - 2 * YEAR,
    )
    never_answered_old = JoinInquiry.objects.create(
        association=association, name="C", email="c@example.jp", created_at=NOW - 3 * YEAR - DAY,
    )

    counts = personal_data_apply_retention(now=NOW)

    assert set(JoinInquiry.objects.values_list("pk", flat=True)) == {answered_lately.pk}
    assert answered_long_ago.pk != never_answered_old.pk
    assert _count(counts, "加入の問い合わせ") == 2
    assert _count(personal_data_apply_retention(now=NOW), "加入の問い合わせ") == 0


def test_commissioner_contacts_are_deleted_three_years_after_they_came_in(db):
    old = CommissionerContact.objects.create(address="豊玉北5丁目", name="A", email="a@example.jp", message="x",
                                             created_at=NOW - 3 * YEAR - DAY)
    kept = CommissionerContact.objects.create(address="豊玉北5丁目", name="B", email="b@example.jp", message="y",
                                              created_at=NOW - 3 * YEAR + DAY)

    counts = personal_data_apply_retention(now=NOW)

    assert list(CommissionerContact.objects.values_list("pk", flat=True)) == [kept.pk]
    assert old.pk != kept.pk
    assert _count(counts, "民生・児童委員への連絡") == 1
    assert _count(personal_data_apply_retention(now=NOW), "民生・児童委員への連絡") == 0


def test_withdrawn_collaborator_registrations_are_deleted_after_a_year(db):
    def registration(email, status, changed_at):
        return CollaboratorRegistration.objects.create(
            user=make_user(email), interests=["elderly"], status=status, status_changed_at=changed_at,
            created_at=days_ago(2000),
        )

    withdrawn_old = registration("w1@example.jp", "withdrawn", NOW - YEAR - DAY)
    withdrawn_lately = registration("w2@example.jp", "withdrawn", NOW - YEAR + DAY)
    active_old = registration("a1@example.jp", "active", NOW - 5 * YEAR)

    counts = personal_data_apply_retention(now=NOW)

    remaining = set(CollaboratorRegistration.objects.values_list("pk", flat=True))
    assert remaining == {withdrawn_lately.pk, active_old.pk}
    assert withdrawn_old.pk not in remaining
    assert _count(counts, "協働推進員") == 1
    assert _count(personal_data_apply_retention(now=NOW), "協働推進員") == 0


def test_unverified_idle_accounts_are_deleted_after_thirty_days(association):
    def account(email, *, joined_days_ago, verified=False, **extra):
        user = make_user(email, verified=verified, **extra)
        User.objects.filter(pk=user.pk).update(date_joined=days_ago(joined_days_ago))
        return user

    idle = account("idle@example.jp", joined_days_ago=31)
    no_address_row = User.objects.create_user(email="norow@example.jp", password="x")
    User.objects.filter(pk=no_address_row.pk).update(date_joined=days_ago(40))
    fresh = account("fresh@example.jp", joined_days_ago=29)
    verified = account("verified@example.jp", joined_days_ago=400, verified=True)
    logged_in = account("loggedin@example.jp", joined_days_ago=400)
    User.objects.filter(pk=logged_in.pk).update(last_login=days_ago(300))
    staff = account("staff2@example.jp", joined_days_ago=400, is_staff=True)
    with_a_signup = account("busy@example.jp", joined_days_ago=400)
    SignUp.objects.create(
        session=Session.objects.create(listing=make_listing(association), starts_at=days_ago(5),
                                       ends_at=days_ago(5) + dt.timedelta(hours=1)),
        user=with_a_signup, name="busy", status=SignUp.Status.CONFIRMED,
    )

    counts = personal_data_apply_retention(now=NOW)

    assert not User.objects.filter(pk__in=[idle.pk, no_address_row.pk]).exists()
    assert not EmailAddress.objects.filter(email="idle@example.jp").exists()
    remaining = set(User.objects.values_list("pk", flat=True))
    assert {fresh.pk, verified.pk, logged_in.pk, staff.pk, with_a_signup.pk} <= remaining
    assert _count(counts, "アカウント") == 2
    assert _count(personal_data_apply_retention(now=NOW), "アカウント") == 0


def test_closed_consultations_follow_the_staff_set_period(db):
    from hiroba.services.consultations import consultation_create

    old = consultation_create(topic="elderly", message="ひみつの相談", contact_method="phone", name="相談 花子",
                              phone="03-1111-2222")
    ConsultationRequest.objects.filter(pk=old.pk).update(status="closed", closed_at=NOW - 3 * YEAR - DAY)

    counts = personal_data_apply_retention(now=NOW)

    old.refresh_from_db()
    assert old.message == "" and old.anonymized_at is not None
    assert _count(counts, "相談受付") == 1
    assert _count(personal_data_apply_retention(now=NOW), "相談受付") == 0


def test_periods_can_be_changed_in_settings(settings, association):
    settings.PERSONAL_DATA_RETENTION_DAYS = {"past_signups": 30}
    listing = make_listing(association)
    signup = signup_for_session_ended(listing, NOW - 31 * DAY, "month")

    counts = personal_data_apply_retention(now=NOW)

    signup.refresh_from_db()
    assert signup.name == ANONYMIZED_NAME
    assert any("30日" in label for label in counts)


def test_the_command_prints_a_count_per_record_type_and_is_safe_to_repeat(association):
    listing = make_listing(association)
    start = timezone.now() - 2 * YEAR
    session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    SignUp.objects.create(session=session, name="昔の参加者", status=SignUp.Status.CONFIRMED)

    out = StringIO()
    call_command("apply_retention", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 8
    assert any(line.startswith("開催回の申込") and line.endswith(": 1件") for line in lines)

    again = StringIO()
    call_command("apply_retention", stdout=again)
    assert all(line.endswith(": 0件") for line in again.getvalue().splitlines())


def _count(counts: dict[str, int], label_start: str) -> int:
    matching = [count for label, count in counts.items() if label.startswith(label_start) or label_start in label]
    assert len(matching) == 1, counts
    return matching[0]


def test_guest_signups_never_confirmed_by_mail_are_deleted_after_seven_days(listing):
    from community.services.guest_signups import guest_signup_start

    session = Session.objects.create(
        listing=listing, starts_at=NOW + dt.timedelta(days=20), ends_at=NOW + dt.timedelta(days=20, hours=1),
        signup_required=True,
    )
    old, _ = guest_signup_start(session=session, name="確認しなかった人", email="old@example.jp")
    recent, _ = guest_signup_start(session=session, name="まだ間に合う人", email="new@example.jp")
    SignUp.objects.filter(pk=old.pk).update(created_at=NOW - dt.timedelta(days=8))
    SignUp.objects.filter(pk=recent.pk).update(created_at=NOW - dt.timedelta(days=6))
    counts = personal_data_apply_retention(now=NOW)
    assert _count(counts, "ゲストの申込") == 1
    assert list(SignUp.objects.values_list("pk", flat=True)) == [recent.pk]


def test_anonymizing_a_guest_signup_also_forgets_the_contact_key(listing):
    start = NOW - 2 * YEAR
    session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    signup = SignUp.objects.create(
        session=session, name="ゲスト", phone="03-1234-5678", guest_key="tel:0312345678", status=SignUp.Status.CONFIRMED
    )
    personal_data_apply_retention(now=NOW)
    signup.refresh_from_db()
    assert (signup.name, signup.phone, signup.guest_key) == (ANONYMIZED_NAME, "", "")
