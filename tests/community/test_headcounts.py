"""参加者数: walk-ins plus checked-in sign-ups, breakdowns the program asks for, QR check-in once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community import registry
from community.models import Headcount, Session, SignUp
from community.models.headcounts import Breakdowns
from community.services import headcounts as services
from community.services.signups import signup_create
from tests.conftest import make_listing, make_session, make_user


@pytest.fixture
def held(listing):
    """A session that started an hour ago with three confirmed sign-ups (1, 2 and 1 people) and one waitlisted."""
    session = make_session(listing, days=1, capacity=4)
    people = [make_user(f"p{n}@example.jp", name=f"参加 {n}") for n in range(4)]
    signups = [signup_create(session=session, user=people[0], party_size=1),
               signup_create(session=session, user=people[1], party_size=2),
               signup_create(session=session, user=people[2], party_size=1),
               signup_create(session=session, user=people[3], party_size=1)]
    start = timezone.now() - dt.timedelta(hours=1)
    session.starts_at, session.ends_at = start, start + dt.timedelta(hours=2)
    session.save(update_fields=["starts_at", "ends_at"])
    return session, signups


def test_the_total_is_walk_ins_plus_the_people_of_checked_in_sign_ups(held, org_member):
    session, signups = held
    headcount = services.headcount_record(
        session=session, walk_ins=5, checked_in_ids=[signups[0].pk, signups[1].pk], by=org_member
    )
    assert (headcount.walk_ins, headcount.checked_in, headcount.total) == (5, 3, 8)
    assert set(SignUp.objects.filter(checked_in_at__isnull=False).values_list("pk", flat=True)) == {
        signups[0].pk, signups[1].pk
    }


def test_saving_again_unchecks_who_is_no_longer_ticked(held, org_member):
    session, signups = held
    services.headcount_record(session=session, walk_ins=0, checked_in_ids=[signups[0].pk, signups[1].pk], by=org_member)
    headcount = services.headcount_record(session=session, walk_ins=2, checked_in_ids=[signups[1].pk], by=org_member)
    assert headcount.total == 4
    assert SignUp.objects.get(pk=signups[0].pk).checked_in_at is None


def test_a_waitlisted_sign_up_is_not_counted_even_if_its_id_is_posted(held, org_member):
    session, signups = held
    assert signups[3].status == SignUp.Status.WAITLISTED
    headcount = services.headcount_record(session=session, walk_ins=0, checked_in_ids=[signups[3].pk], by=org_member)
    assert headcount.total == 0 and SignUp.objects.get(pk=signups[3].pk).checked_in_at is None


def test_a_future_session_cannot_be_counted_yet(listing, org_member):
    session = make_session(listing, days=3)
    with pytest.raises(ValidationError, match="2時間前から"):
        services.headcount_record(session=session, walk_ins=3, checked_in_ids=[], by=org_member)
    assert not Headcount.objects.exists()


def test_a_cancelled_session_cannot_be_counted(held, org_member):
    session, _signups = held
    session.is_cancelled = True
    session.save(update_fields=["is_cancelled"])
    with pytest.raises(ValidationError, match="中止"):
        services.headcount_record(session=session, walk_ins=3, checked_in_ids=[], by=org_member)


def test_a_negative_walk_in_count_is_refused(held, org_member):
    with pytest.raises(ValidationError):
        services.headcount_record(session=held[0], walk_ins=-1, checked_in_ids=[], by=org_member)


@pytest.fixture
def breakdowns(monkeypatch):
    """A registry of breakdowns of the test's own (the apps' registrations stay as they were)."""
    rules = registry.Registry("headcount breakdowns (test)")
    monkeypatch.setattr(registry, "headcount_breakdowns", rules)
    return rules


def test_age_bands_are_required_and_must_add_up_when_the_program_counts_them(organization, place, org_member, breakdowns):
    breakdowns.register(Breakdowns("tests.agebanded", age_bands=True))
    listing = make_listing(organization, place=place, kind="tests.agebanded")
    start = timezone.now() - dt.timedelta(hours=1)
    session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    bands = {"age_under_18": 0, "age_18_64": 1, "age_65_74": 2, "age_75_over": 1}
    with pytest.raises(ValidationError) as refused:
        services.headcount_record(session=session, walk_ins=5, checked_in_ids=[], breakdown=bands, by=org_member)
    assert "年代別の合計（4人）が参加者数（5人）と合いません" in str(refused.value)
    with pytest.raises(ValidationError, match="人数を入力してください"):
        services.headcount_record(session=session, walk_ins=4, checked_in_ids=[], breakdown={}, by=org_member)
    assert not Headcount.objects.exists()  # nothing half-saved
    headcount = services.headcount_record(session=session, walk_ins=4, checked_in_ids=[], breakdown=bands, by=org_member)
    assert (headcount.age_65_74, headcount.total, headcount.in_ward) == (2, 4, None)


def test_residence_is_kept_only_for_programs_that_count_it(held, org_member):
    session, _signups = held
    headcount = services.headcount_record(
        session=session, walk_ins=2, checked_in_ids=[], breakdown={"in_ward": 2, "outside_ward": 0}, by=org_member
    )
    assert headcount.in_ward is None and not headcount.has_residence


def test_qr_check_in_marks_the_right_sign_up_once_and_says_so_the_second_time(held, org_member):
    session, signups = held
    token = services.checkin_token(signups[1])
    found = services.signup_from_checkin_token(token)
    assert found.pk == signups[1].pk
    first, newly = services.signup_check_in(signup=found, by=org_member)
    second, again = services.signup_check_in(signup=found, by=org_member)
    assert newly is True and again is False and second.checked_in_at == first.checked_in_at
    assert list(SignUp.objects.filter(checked_in_at__isnull=False).values_list("pk", flat=True)) == [signups[1].pk]
    assert Headcount.objects.get(session=session).total == 2  # the party of two, counted once


def test_a_check_in_after_the_walk_ins_were_saved_keeps_them(held, org_member):
    session, signups = held
    services.headcount_record(session=session, walk_ins=3, checked_in_ids=[], by=org_member)
    services.signup_check_in(signup=signups[0], by=org_member)
    assert Headcount.objects.values_list("walk_ins", "checked_in", "total").get() == (3, 1, 4)


def test_a_tampered_or_foreign_token_finds_nothing(held):
    _session, signups = held
    token = services.checkin_token(signups[0])
    assert services.signup_from_checkin_token(token[:-2] + "xx") is None
    from community.services.signups import cancel_token

    assert services.signup_from_checkin_token(cancel_token(signups[0])) is None  # another purpose's signature


def test_a_waitlisted_person_cannot_be_checked_in_by_qr(held, org_member):
    with pytest.raises(ValidationError, match="申込済みの方だけ"):
        services.signup_check_in(signup=held[1][3], by=org_member)


def test_the_database_refuses_a_total_that_is_not_walk_ins_plus_check_ins(held):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Headcount.objects.create(session=held[0], walk_ins=2, checked_in=0, total=5)


def test_a_breakdown_made_stale_by_a_later_check_in_is_flagged(held, org_member, breakdowns):
    session, signups = held
    breakdowns.register(Breakdowns(session.listing.kind, age_bands=True))
    bands = {"age_under_18": 0, "age_18_64": 1, "age_65_74": 1, "age_75_over": 0}
    services.headcount_record(session=session, walk_ins=2, checked_in_ids=[], breakdown=bands, by=org_member)
    services.signup_check_in(signup=signups[0], by=org_member)
    assert Headcount.objects.get().breakdown_mismatch


def _admin_post(client, session, **headcount):
    """POST the session's admin change form as it is, with the 参加者数 inline's fields replaced."""
    url = f"/admin/community/session/{session.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None and not hasattr(value, "pk")}
    local_start, local_end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    data.update({
        "listing": session.listing_id, "starts_at_0": local_start.date().isoformat(), "starts_at_1": f"{local_start:%H:%M:%S}",
        "ends_at_0": local_end.date().isoformat(), "ends_at_1": f"{local_end:%H:%M:%S}",
        "headcount-TOTAL_FORMS": "1", "headcount-INITIAL_FORMS": "1", "headcount-MIN_NUM_FORMS": "0",
        "headcount-MAX_NUM_FORMS": "1", "headcount-0-id": Headcount.objects.get().pk, "headcount-0-session": session.pk,
        **{f"headcount-0-{name}": value for name, value in headcount.items()},
        "signups-TOTAL_FORMS": "0", "signups-INITIAL_FORMS": "0", "signups-MIN_NUM_FORMS": "0", "signups-MAX_NUM_FORMS": "1000",
    })
    return client.post(url, data)


def test_staff_record_walk_ins_in_the_admin_and_the_total_keeps_the_check_ins(client, staff, held):
    session, signups = held
    services.signup_check_in(signup=signups[1], by=staff)  # 2 people
    client.force_login(staff)
    response = _admin_post(client, session, walk_ins="3")
    assert response.status_code == 302
    assert Headcount.objects.values_list("walk_ins", "checked_in", "total").get() == (3, 2, 5)


def test_a_breakdown_that_does_not_add_up_is_refused_in_the_admin(client, staff, held):
    session, signups = held
    services.signup_check_in(signup=signups[1], by=staff)
    client.force_login(staff)
    response = _admin_post(client, session, walk_ins="3", in_ward="1", outside_ward="1")
    assert response.status_code == 200 and "内訳の合計が参加者数（5人）と合いません" in response.content.decode()
    assert Headcount.objects.values_list("walk_ins", "in_ward").get() == (0, None)
