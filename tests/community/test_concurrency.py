"""Never overbook: real concurrent connections (one thread, one PostgreSQL connection each) race for seats."""

import threading

import pytest
from django.db import connection, connections

from community.models import SignUp
from community.services.signups import signup_cancel, signup_create
from tests.conftest import make_listing, make_organization, make_place, make_session, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _race(workers):
    """Start every worker at the same instant; each uses its own database connection."""
    barrier = threading.Barrier(len(workers))
    errors = []

    def run(work):
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 - collected and re-raised in the test thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


@pytest.fixture
def race_session():
    assert connection.vendor == "postgresql", "concurrency tests must run on PostgreSQL"
    listing = make_listing(make_organization(), place=make_place())
    return lambda capacity: make_session(listing, capacity=capacity)


def test_thirty_people_racing_for_the_last_seat_leave_exactly_one_confirmed(race_session):
    session = race_session(capacity=1)
    users = [make_user(f"racer{i}@example.jp") for i in range(30)]
    _race([lambda user=user: signup_create(session=session, user=user) for user in users])
    statuses = list(SignUp.objects.filter(session=session).values_list("status", flat=True))
    assert len(statuses) == 30
    assert statuses.count(SignUp.Status.CONFIRMED) == 1
    assert statuses.count(SignUp.Status.WAITLISTED) == 29


def test_ten_double_clicks_by_one_resident_leave_one_signup(race_session):
    session = race_session(capacity=5)
    user = make_user("clicker@example.jp")
    _race([lambda: signup_create(session=session, user=user) for _ in range(10)])
    assert SignUp.objects.filter(session=session, user=user).count() == 1


def test_ten_cancellations_racing_with_ten_waitlisted_promote_exactly_ten(race_session):
    session = race_session(capacity=10)
    confirmed = [signup_create(session=session, user=make_user(f"c{i}@example.jp")) for i in range(10)]
    waiting = [signup_create(session=session, user=make_user(f"w{i}@example.jp")) for i in range(10)]
    assert {s.status for s in waiting} == {SignUp.Status.WAITLISTED}
    late = [make_user(f"late{i}@example.jp") for i in range(5)]
    workers = [lambda s=s: signup_cancel(signup=s) for s in confirmed]
    workers += [lambda u=u: signup_create(session=session, user=u) for u in late]
    _race(workers)
    for signup in waiting:
        signup.refresh_from_db()
    assert {s.status for s in waiting} == {SignUp.Status.CONFIRMED}
    assert SignUp.objects.filter(session=session, status=SignUp.Status.CONFIRMED).count() == 10
    assert session.confirmed_total() == 10


# --- guests (no account) go through the same lock -----------------------------------------------

def test_thirty_guests_racing_for_the_last_seat_leave_exactly_one_confirmed(race_session):
    from community.services.guest_signups import guest_signup_start

    session = race_session(capacity=1)
    _race([
        lambda i=i: guest_signup_start(session=session, name=f"ゲスト{i}", phone=f"03-0000-{i:04d}")
        for i in range(30)
    ])
    statuses = list(SignUp.objects.filter(session=session).values_list("status", flat=True))
    assert len(statuses) == 30
    assert statuses.count(SignUp.Status.CONFIRMED) == 1
    assert statuses.count(SignUp.Status.WAITLISTED) == 29


def test_thirty_email_guests_confirming_at_once_leave_exactly_one_confirmed(race_session):
    from community.services.guest_signups import guest_signup_confirm, guest_signup_start

    session = race_session(capacity=1)
    pending = [guest_signup_start(session=session, name=f"ゲスト{i}", email=f"g{i}@example.jp")[0] for i in range(30)]
    _race([lambda signup=signup: guest_signup_confirm(signup=signup) for signup in pending])
    statuses = list(SignUp.objects.filter(session=session).values_list("status", flat=True))
    assert statuses.count(SignUp.Status.CONFIRMED) == 1
    assert statuses.count(SignUp.Status.WAITLISTED) == 29


def test_ten_double_clicks_by_one_guest_leave_one_signup(race_session):
    from community.services.guest_signups import guest_signup_start

    session = race_session(capacity=5)
    _race([lambda: guest_signup_start(session=session, name="ゲスト", phone="090-1234-5678") for _ in range(10)])
    assert SignUp.objects.filter(session=session).count() == 1


def test_an_undo_racing_with_a_newcomer_for_the_freed_seat_leaves_one_confirmed(race_session):
    from community.services.signups import signup_restore

    session = race_session(capacity=1)
    cancelled = signup_cancel(signup=signup_create(session=session, user=make_user("undo@example.jp")))
    newcomers = [make_user(f"n{i}@example.jp") for i in range(5)]

    def undo():
        try:
            signup_restore(signup=cancelled)
        except Exception as error:  # noqa: BLE001 - losing the race is a refusal, not a failure
            assert "移りました" in str(error)

    _race([undo] + [lambda u=u: signup_create(session=session, user=u) for u in newcomers])
    assert SignUp.objects.filter(session=session, status=SignUp.Status.CONFIRMED).count() == 1
    assert session.confirmed_total() == 1
