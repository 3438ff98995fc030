"""The outbox's rules without a mail server: one row per logical mail, plain text, staff's 送信メール page."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.mails import send_templated_mail
from community.models import OutboxMessage
from community.personal_data import personal_data_apply_retention
from community.services.outbox import mail_queue
from community.services.signups import signup_create
from tests.conftest import make_listing, make_session, make_user

Status = OutboxMessage.Status


def _failed(to="resident@example.jp", subject="[ねりま地域福祉ポータル] 申込を受け付けました：お茶会") -> OutboxMessage:
    return OutboxMessage.objects.create(
        key=f"test:{to}:{subject}", kind="community/mail/signup_created", to=to, subject=subject, body="本文",
        status=Status.FAILED, attempts=3, last_error="SMTPDataError: (451, b'4.3.0 Temporary failure')",
    )


def test_the_same_key_queues_one_message_and_one_delivery(resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = mail_queue(to=resident.email, subject="件名", body="本文", kind="test", key="k:1")
        again = mail_queue(to=resident.email, subject="件名", body="本文", kind="test", key="k:1")
    assert first.pk == again.pk and first.just_queued and not again.just_queued
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert (first.status, first.attempts) == (Status.SENT, 1)


def test_no_address_queues_nothing(db):
    assert mail_queue(to="  ", subject="件名", body="本文", kind="test") is None
    assert not OutboxMessage.objects.exists()


def test_an_unregistered_on_sent_hook_is_refused_at_once(resident):
    with pytest.raises(ValueError, match="no-such-hook"):
        mail_queue(to=resident.email, subject="件名", body="本文", kind="test", on_sent="no-such-hook")


def test_plain_text_mails_are_not_html_escaped(organization, resident, django_capture_on_commit_callbacks):
    listing = make_listing(organization, title="花＆緑 & \"お茶\" <会> 'ようこそ'")
    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=make_session(listing), user=resident)
    (sent,) = [m for m in mail.outbox if m.to == [resident.email]]
    assert "花＆緑 & \"お茶\" <会> 'ようこそ'" in sent.subject
    assert "花＆緑 & \"お茶\" <会> 'ようこそ'" in sent.body
    assert "&amp;" not in sent.body and "&#x27;" not in sent.body and "&quot;" not in sent.subject


def test_every_attempt_carries_the_same_message_id(resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail(
            template="community/mail/membership_removed", to=resident.email, language="ja",
            context={"organization": "テスト町会", "url": "http://x/"}, key="membership:1:removed",
        )
    assert mail.outbox[0].extra_headers["Message-ID"].endswith("@127.0.0.1>")
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"


# --- 送信メール in the admin ------------------------------------------------------------------------------

def test_staff_see_failed_mails_with_the_reason(client, staff):
    _failed()
    client.force_login(staff)
    response = client.get(reverse("admin:community_outboxmessage_changelist"), {"status__exact": "failed"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "送信メール" in html and "送信できませんでした" in html and "Temporary failure" in html
    assert "選んだメールを再送する" in html


def test_the_change_page_offers_resend_and_resending_queues_it_again(client, staff, django_capture_on_commit_callbacks):
    message = _failed(to=staff.email)
    client.force_login(staff)
    page = client.get(reverse("admin:community_outboxmessage_change", args=[message.pk]))
    assert "このメールを再送する" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:community_outboxmessage_resend", args=[message.pk]))

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 1
    assert [m.to for m in mail.outbox] == [[staff.email]]


def test_the_list_action_resends_the_chosen_mails(client, staff, django_capture_on_commit_callbacks):
    failed = [_failed(to=f"r{n}@example.jp") for n in range(2)]
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:community_outboxmessage_changelist"),
            {"action": "resend_selected", "_selected_action": [m.pk for m in failed]},
            follow=True,
        )
    assert "2通のメールを再送の列に入れました" in response.content.decode()
    assert OutboxMessage.objects.filter(status=Status.SENT).count() == 2


def test_a_sent_mail_has_no_resend_button(client, staff):
    message = _failed()
    OutboxMessage.objects.filter(pk=message.pk).update(status=Status.SENT, sent_at=timezone.now())
    client.force_login(staff)
    page = client.get(reverse("admin:community_outboxmessage_change", args=[message.pk]))
    assert page.status_code == 200
    assert "このメールを再送する" not in page.content.decode()


def test_resend_is_a_post(client, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:community_outboxmessage_resend", args=[_failed().pk]))
    assert response.status_code == 405


def test_coordinators_neither_read_nor_resend_mails(client, coordinator):
    message = _failed()
    client.force_login(coordinator)
    assert client.get(reverse("admin:community_outboxmessage_changelist")).status_code == 403
    assert client.post(reverse("admin:community_outboxmessage_resend", args=[message.pk])).status_code == 403
    message.refresh_from_db()
    assert message.status == Status.FAILED


def test_residents_are_sent_to_the_admin_login(client, resident):
    client.force_login(resident)
    response = client.post(reverse("admin:community_outboxmessage_resend", args=[_failed().pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_nobody_adds_edits_or_deletes_a_mail_in_the_admin(client, staff):
    message = _failed()
    client.force_login(staff)
    assert client.get(reverse("admin:community_outboxmessage_add")).status_code == 403
    assert client.post(reverse("admin:community_outboxmessage_delete", args=[message.pk])).status_code == 403
    assert OutboxMessage.objects.filter(pk=message.pk).exists()


def test_the_task_queues_own_english_page_is_not_in_the_admin(client, staff):
    client.force_login(staff)
    assert "Task Results" not in client.get(reverse("admin:index")).content.decode()


# --- personal data ---------------------------------------------------------------------------------------

def test_copies_are_deleted_after_the_retention_period(db):
    old = _failed(to="old@example.jp")
    OutboxMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=91))
    recent = _failed(to="recent@example.jp")
    counts = personal_data_apply_retention()
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [recent.pk]
    assert counts["送信メールの控え（作成から90日を過ぎたものを削除）"] == 1


def test_deleting_the_account_deletes_sent_copies_but_lets_queued_mails_go(client, listing):
    from community.personal_data import account_erase

    user = make_user("leaving@example.jp", name="退会 する")
    _failed(to=user.email)
    signup_create(session=make_session(listing), user=user)  # its confirmation is still queued (no commit here)
    account_erase(user=user, password="pass-word-123")
    statuses = list(OutboxMessage.objects.filter(to=user.email).values_list("kind", "status"))
    assert ("community/mail/signup_created", Status.QUEUED) in statuses
    assert ("community/mail/signup_cancelled", Status.QUEUED) in statuses
    assert Status.FAILED not in [status for _kind, status in statuses]
