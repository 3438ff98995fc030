"""Rules of organization self-service: applying, resubmitting, invitations, the last 代表者, moderation."""

import datetime as dt
import re

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError

from community.models import Invitation, Listing, Membership, Organization, PublicationStatus
from community.services import moderation
from community.services import organizations as services
from tests.conftest import make_listing, make_organization, make_user


def test_applying_makes_a_pending_organization_with_the_applicant_as_representative(resident):
    org = services.organization_apply(
        applicant=resident, organization=Organization(kind="npo", name="新しいNPO", name_kana="あたらしいえぬぴーおー")
    )
    assert org.status == PublicationStatus.PENDING
    assert Membership.objects.get(organization=org, user=resident).role == Membership.Role.REPRESENTATIVE
    assert not Organization.objects.published().filter(pk=org.pk).exists()


def test_a_reading_in_katakana_is_refused_in_japanese(resident):
    with pytest.raises(ValidationError, match="ひらがな"):
        services.organization_apply(applicant=resident, organization=Organization(kind="npo", name="X", name_kana="カタカナ"))
    assert not Organization.objects.filter(name="X").exists()


def test_a_returned_organization_is_resubmitted_when_fixed(resident):
    org = services.organization_apply(applicant=resident, organization=Organization(kind="npo", name="Y", name_kana="わい"))
    moderation.publishable_return(obj=org, reason="紹介文を書いてください")
    org.refresh_from_db()
    assert org.review_note == "紹介文を書いてください"
    org.description = "地域の見守り活動をしています。"
    services.organization_update(organization=org)
    org.refresh_from_db()
    assert org.status == PublicationStatus.PENDING


def test_an_edit_of_a_published_listing_goes_live_and_is_kept_in_history(organization):
    listing = make_listing(organization, title="旧名称")
    listing.title = "新名称"
    services.listing_update(listing=listing)
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.PUBLISHED
    assert [h.title for h in listing.history.order_by("history_date")] == ["旧名称", "新名称"]


def test_a_new_listing_waits_for_approval(organization):
    listing = services.listing_create(organization=organization, listing=Listing(title="新しい集い", title_kana="あたらしいつどい"))
    assert listing.status == PublicationStatus.PENDING
    assert not Listing.objects.published().filter(pk=listing.pk).exists()


def test_a_listing_of_an_unapproved_organization_cannot_be_approved_nor_shown():
    pending_org = make_organization("未承認の会", status=PublicationStatus.PENDING)
    listing = make_listing(pending_org, status=PublicationStatus.PENDING)
    with pytest.raises(ValidationError, match="先に団体を承認"):
        moderation.publishable_approve(obj=listing)
    listing.status = PublicationStatus.PUBLISHED
    listing.save()
    assert not Listing.objects.published().filter(pk=listing.pk).exists()


def test_an_invitation_mails_a_signed_link_that_only_the_invited_address_can_use(
    organization, org_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            organization=organization, invited_by=org_member, email="Friend@Example.jp", role=Membership.Role.EDITOR
        )
    assert len(mail.outbox) == 1
    assert "練馬テスト町会" in mail.outbox[0].subject
    assert "編集者として招待されました" in mail.outbox[0].body
    # The link as mailed (a token made again now could carry another second's timestamp).
    token = re.search(r"/invitations/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert services.invitation_from_token(token) == invitation
    stranger = make_user("stranger@example.jp")
    with pytest.raises(ValidationError, match="Friend@Example.jp あて"):
        services.invitation_accept(invitation=invitation, user=stranger)
    friend = make_user("friend@example.jp")
    membership = services.invitation_accept(invitation=invitation, user=friend)
    assert membership.role == Membership.Role.EDITOR
    # A used link does not work again (so a removed member cannot rejoin with it).
    assert services.invitation_from_token(token) is None


def test_a_forged_or_expired_invitation_link_is_refused(organization, org_member, settings):
    invitation = Invitation.objects.create(organization=organization, email="a@example.jp", invited_by=org_member)
    forged = signing.dumps({"invitation": invitation.pk, "email": "a@example.jp"}, salt="another-salt")
    assert services.invitation_from_token(forged) is None
    token = services.invitation_token(invitation)
    settings.SECRET_KEY = "rotated-secret-key-for-the-test-only-0123456789"
    assert services.invitation_from_token(token) is None


def test_an_invitation_link_works_for_two_weeks_to_the_second(organization, org_member, time_machine):
    sent = dt.datetime(2026, 12, 31, 23, 59, 30, tzinfo=dt.UTC)
    time_machine.move_to(sent, tick=False)
    invitation = Invitation.objects.create(organization=organization, email="a@example.jp", invited_by=org_member)
    token = services.invitation_token(invitation)
    time_machine.move_to(sent + dt.timedelta(seconds=services.INVITATION_MAX_AGE), tick=False)
    assert services.invitation_from_token(token) == invitation
    time_machine.move_to(sent + dt.timedelta(seconds=services.INVITATION_MAX_AGE + 1), tick=False)
    assert services.invitation_from_token(token) is None


def test_inviting_an_existing_member_is_refused(organization, org_member):
    with pytest.raises(ValidationError, match="すでにこの団体のメンバー"):
        services.invitation_create(organization=organization, invited_by=org_member, email="member@example.jp", role="editor")


def test_a_new_invitation_replaces_the_older_pending_one(organization, org_member):
    first = services.invitation_create(organization=organization, invited_by=org_member, email="x@example.jp", role="editor")
    services.invitation_create(organization=organization, invited_by=org_member, email="x@example.jp", role="representative")
    assert services.invitation_from_token(services.invitation_token(first)) is None
    assert organization.invitations.pending().get().role == "representative"


def test_the_last_representative_cannot_be_removed_or_step_down(organization, org_member):
    only = Membership.objects.get(user=org_member)
    with pytest.raises(ValidationError, match="最後の代表者"):
        services.membership_remove(membership=only)
    with pytest.raises(ValidationError, match="最後の代表者"):
        services.membership_change_role(membership=only, role=Membership.Role.EDITOR)
    second = Membership.objects.create(organization=organization, user=make_user("b@example.jp"), role="representative")
    services.membership_remove(membership=only)
    assert list(organization.memberships.all()) == [second]


def test_representatives_are_mailed_the_reason_when_returned_and_when_approved(django_capture_on_commit_callbacks):
    org = make_organization("申請中の会", status=PublicationStatus.PENDING)
    rep = make_user("rep@example.jp")
    Membership.objects.create(organization=org, user=rep, role="representative")
    Membership.objects.create(organization=org, user=make_user("ed@example.jp"), role="editor")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publishable_return(obj=org, reason="紹介文が空です")
    assert [m.to for m in mail.outbox] == [["rep@example.jp"]]
    assert "差戻し" in mail.outbox[0].subject and "紹介文が空です" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publishable_approve(obj=org)
    assert "承認されました" in mail.outbox[1].subject
    # A listing is published only with someone to phone (here its own number).
    listing = make_listing(org, status=PublicationStatus.PENDING, contact_phone="03-0000-0042")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publishable_approve(obj=listing)
    assert "公開されました" in mail.outbox[2].subject
    assert listing.get_manage_url() in mail.outbox[2].body
