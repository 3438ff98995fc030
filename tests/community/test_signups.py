from django.core import mail

from community.models import SignUp
from community.services.signups import signup_cancel, signup_create
from tests.conftest import make_session, make_user


def test_it_confirms_until_capacity_then_waitlists(listing, resident):
    session = make_session(listing, capacity=1)
    first = signup_create(session=session, user=resident)
    second = signup_create(session=session, user=make_user("b@example.jp", name="B"))
    assert first.status == SignUp.Status.CONFIRMED
    assert second.status == SignUp.Status.WAITLISTED


def test_a_repeated_signup_returns_the_same_one(listing, resident):
    session = make_session(listing, capacity=5)
    assert signup_create(session=session, user=resident).pk == signup_create(session=session, user=resident).pk
    assert SignUp.objects.count() == 1


def test_cancel_promotes_the_first_waitlisted_and_mails_them(listing, resident, django_capture_on_commit_callbacks):
    session = make_session(listing, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = signup_create(session=session, user=resident)
        waiting = signup_create(session=session, user=make_user("b@example.jp", name="B"))
        mail.outbox.clear()
        signup_cancel(signup=first)
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    assert any("繰り上がりました" in m.subject and m.to == ["b@example.jp"] for m in mail.outbox)
