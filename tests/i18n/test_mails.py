"""Mails go out in the resident's language."""

import pytest
from django.core import mail

from community.services.signups import signup_create
from tests.conftest import make_session
from tests.international.conftest import make_class

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject_words"),
    [("en", "Sign-up received"), ("tl", "Natanggap ang iyong pag-sign up")],
)
def test_signup_confirmation_is_in_the_residents_language(
    resident, organization, django_capture_on_commit_callbacks, language, subject_words
):
    resident.preferred_language = language
    resident.save(update_fields=["preferred_language"])
    session = make_session(make_class(organization, title="ひかり日本語教室"), capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=session, user=resident)
    (message,) = [m for m in mail.outbox if m.to == [resident.email]]  # the organizer is told too
    assert subject_words in message.subject
    assert "ひかり日本語教室" in message.subject
    assert "次の回への申込を受け付けました" not in message.body
    assert "ねりま地域福祉ポータル" not in message.body.splitlines()[-1]


def test_japanese_resident_gets_japanese_mail(resident, organization, django_capture_on_commit_callbacks):
    session = make_session(make_class(organization), capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=session, user=resident)
    (message,) = [m for m in mail.outbox if m.to == [resident.email]]
    assert "申込を受け付けました" in message.subject
