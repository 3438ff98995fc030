"""One way to mail an organization's members (community/services/member_mail.py), used by every app."""

import pytest

from community.models import Membership, OutboxMessage, PublicationStatus
from community.notify import Recipient
from community.services.member_mail import member_recipients, members_mail
from community.services.moderation import publishable_approve, publishable_submit
from tests.conftest import make_listing, make_user

DUTY = "ward-duty@portal.example.jp"
TEMPLATE = "community/mail/moderation_approved"


@pytest.fixture(autouse=True)
def _duty_inbox(settings):
    settings.WARD_DUTY_EMAIL = DUTY


def _send(organization, key="news:1", **options):
    context = {"obj": organization, "organization": organization, "is_organization": True, "manage_url": "/x/"}
    return members_mail(organization_id=organization.pk, template=TEMPLATE, context=context, key=key, **options)


def _member(organization, email, *, role=Membership.Role.EDITOR, **extra):
    user = make_user(email, name=email.split("@")[0], **extra)
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def test_every_reachable_member_gets_one_mail_in_their_own_language(organization, org_member):
    _member(organization, "editor-en@example.jp", preferred_language="en")
    _member(organization, "gone@example.jp", is_active=False)

    _send(organization)

    mails = {m.to: m for m in OutboxMessage.objects.all()}
    assert set(mails) == {org_member.email, "editor-en@example.jp"}
    assert "承認されました" in mails[org_member.email].subject
    assert mails["editor-en@example.jp"].language == "en" and "承認されました" not in mails["editor-en@example.jp"].subject


def test_the_same_key_sends_nothing_twice(organization, org_member):
    _send(organization, key="news:2")
    _send(organization, key="news:2")
    assert OutboxMessage.objects.count() == 1


def test_only_the_representatives_when_asked(organization, org_member):
    _member(organization, "editor@example.jp")
    assert [r.email for r in member_recipients(organization.pk, representatives_only=True)] == [org_member.email]
    _send(organization, representatives_only=True)
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == [org_member.email]


def test_a_group_nobody_can_read_falls_back_in_order_then_to_the_duty_inbox(organization):
    _send(organization, key="a", fallback=[lambda: [], lambda: [Recipient("team@example.jp", "ja", "チーム")]])
    _send(organization, key="b", fallback=[lambda: []])

    assert sorted(OutboxMessage.objects.values_list("to", flat=True)) == ["team@example.jp", DUTY]


def test_news_of_what_staff_did_themselves_does_not_go_to_the_duty_inbox(organization):
    assert _send(organization, duty_last=False) == []
    assert not OutboxMessage.objects.exists()


def test_an_approval_tells_the_representatives_else_the_members(organization, org_member):
    editor = _member(organization, "editor@example.jp")
    listing = make_listing(organization, title="朝の体操", status=PublicationStatus.DRAFT, contact_phone="03-0000-0001")
    publishable_submit(obj=listing)
    publishable_approve(obj=listing)
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == [org_member.email]

    Membership.objects.filter(user=org_member).delete()
    second = make_listing(organization, title="夕方の散歩", status=PublicationStatus.DRAFT, contact_phone="03-0000-0001")
    publishable_submit(obj=second)
    publishable_approve(obj=second)
    assert OutboxMessage.objects.filter(to=editor.email, subject__contains="夕方の散歩").count() == 1
