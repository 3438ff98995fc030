"""Organizers hear about their people: a mail each time, or one a day (their choice), chosen on マイ団体."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from community.models import Membership, OrganizerNotice, OutboxMessage
from community.services.notices import digests_send
from community.services.signups import signup_cancel, signup_create
from tests.conftest import make_session, make_user


def _digest_reader(org_member) -> Membership:
    membership = org_member.memberships.get()
    membership.notify = Membership.Notify.DIGEST
    membership.save()
    return membership


def test_the_daily_digest_collects_the_days_news_in_one_mail_once(listing, org_member, resident):
    membership = _digest_reader(org_member)
    session = make_session(listing)
    signup_cancel(signup=signup_create(session=session, user=resident))
    signup_create(session=session, user=make_user("b@example.jp", name="練馬 ビー"))

    assert digests_send() == 1
    assert digests_send() == 0
    (digest,) = OutboxMessage.objects.filter(to=org_member.email)
    assert digest.kind == "community/mail/digest" and "3件" in digest.subject
    assert "練馬 エミさん（1人）が申し込みました" in digest.body
    assert "練馬 エミさん（1人）が申込をキャンセルしました" in digest.body
    assert "練馬 ビーさん（1人）が申し込みました" in digest.body
    assert reverse("community:session_signups", args=[listing.organization_id, session.pk]) in digest.body
    assert not membership.notices.undelivered().exists()


def test_a_digest_line_is_written_in_the_readers_language(listing, org_member, resident):
    _digest_reader(org_member)
    org_member.preferred_language = "en"
    org_member.save()
    signup_create(session=make_session(listing), user=resident)
    line = OrganizerNotice.objects.get().line
    assert "練馬 エミ" in line and "が申し込みました" not in line


def test_the_command_reports_how_many_digests_it_queued(listing, org_member, resident):
    _digest_reader(org_member)
    signup_create(session=make_session(listing), user=resident)
    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "1通" in out.getvalue()


def test_a_member_chooses_the_digest_for_themselves(client, organization, org_member):
    client.force_login(org_member)
    page = client.get(reverse("community:organization_dashboard", args=[organization.pk]))
    assert "申込・問い合わせのお知らせ" in page.content.decode()

    response = client.post(reverse("community:membership_notify", args=[organization.pk]), {"notify": "digest"}, follow=True)

    assert org_member.memberships.get().notify == Membership.Notify.DIGEST
    assert "1日1回まとめて受け取る" in response.content.decode()


def test_an_unknown_choice_changes_nothing_and_says_so(client, organization, org_member):
    client.force_login(org_member)
    response = client.post(reverse("community:membership_notify", args=[organization.pk]), {"notify": "never"}, follow=True)
    assert org_member.memberships.get().notify == Membership.Notify.EACH
    assert "受け取り方を選んでください" in response.content.decode()


def test_a_member_of_another_organization_cannot_set_it(client, organization, org_member, other_org_member):
    client.force_login(other_org_member)
    response = client.post(reverse("community:membership_notify", args=[organization.pk]), {"notify": "digest"})
    assert response.status_code == 404
    assert org_member.memberships.get().notify == Membership.Notify.EACH


def test_visitors_are_sent_to_log_in(client, organization):
    response = client.post(reverse("community:membership_notify", args=[organization.pk]), {"notify": "digest"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
