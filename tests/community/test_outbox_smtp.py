"""The outbox against a real SMTP server on 127.0.0.1 and the real worker: retries, backoff, sent-once."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from community.models import OutboxMessage, SignUp
from community.services.outbox import mail_queue, message_deliver, message_resend
from community.services.sessions import send_due_reminders
from community.services.signups import signup_cancel, signup_create
from tests.conftest import make_listing, make_session

Status = OutboxMessage.Status


def test_a_refused_mail_arrives_once_on_the_third_attempt_and_the_resident_saw_no_error(
    client, resident, listing, smtp_server, outbox_queue
):
    smtp_server.refuse = 2
    session = make_session(listing, capacity=5)
    client.force_login(resident)

    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": 1}, follow=True)

    assert response.status_code == 200
    assert "申込を受け付けました" in response.content.decode()
    assert smtp_server.attempts == 0  # nothing was sent inside the request
    outbox_queue.work()
    assert smtp_server.attempts_to(resident.email) == 3
    (envelope,) = smtp_server.messages_to(resident.email)
    assert envelope.rcpt_tos == [resident.email]
    message = OutboxMessage.objects.get(to=resident.email)
    assert (message.status, message.attempts) == (Status.SENT, 3)
    assert message.sent_at is not None and "451" in message.last_error
    delivered = len(smtp_server.delivered)
    outbox_queue.work()
    assert len(smtp_server.delivered) == delivered  # later passes of the worker send nothing again
    assert len(smtp_server.messages_to(resident.email)) == 1


def test_a_mail_still_refused_after_its_retries_is_failed_with_the_reason_then_resent(
    resident, listing, smtp_server, outbox_queue
):
    smtp_server.refuse = 99
    signup_create(session=make_session(listing), user=resident)
    outbox_queue.work()
    message = OutboxMessage.objects.get(to=resident.email)
    assert (message.status, message.attempts) == (Status.FAILED, 3)  # 1 try + the 2 retries of the settings
    assert "451" in message.last_error and message.sent_at is None

    smtp_server.refuse = 0
    assert message_resend(message=message) is True
    outbox_queue.work()
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(smtp_server.messages_to(resident.email)) == 1


def test_each_retry_waits_for_its_delay(resident, smtp_server, outbox_queue, settings):
    settings.OUTBOX_RETRY_DELAYS = [60, 300]
    smtp_server.refuse = 99
    message = mail_queue(to=resident.email, subject="件名", body="本文", kind="test")

    before = timezone.now()
    outbox_queue.work()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.RETRYING, 1)
    assert before + dt.timedelta(seconds=60) <= message.next_attempt_at <= timezone.now() + dt.timedelta(seconds=60)
    retry = DBTaskResult.objects.get(run_after=message.next_attempt_at)
    outbox_queue.work()  # not due yet: the worker leaves it
    message.refresh_from_db()
    assert message.attempts == 1

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # a minute went by
    before = timezone.now()
    outbox_queue.work()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.RETRYING, 2)
    assert message.next_attempt_at >= before + dt.timedelta(seconds=300)

    DBTaskResult.objects.filter(run_after=message.next_attempt_at).update(run_after=timezone.now())
    outbox_queue.work()
    message.refresh_from_db()
    assert (message.status, message.attempts, message.next_attempt_at) == (Status.FAILED, 3, None)
    assert smtp_server.attempts == 3 and not smtp_server.delivered


def test_a_sent_message_is_never_sent_again_by_a_second_task(resident, smtp_server, outbox_queue):
    message = mail_queue(to=resident.email, subject="件名", body="本文", kind="test")
    assert message_deliver(message_id=message.pk) == Status.SENT
    assert message_deliver(message_id=message.pk) == Status.SENT
    assert message_resend(message=message) is False
    outbox_queue.work()
    assert len(smtp_server.delivered) == 1


def test_the_mail_row_and_its_task_roll_back_with_the_change(resident, listing, outbox_queue):
    session = make_session(listing)
    with pytest.raises(RuntimeError), transaction.atomic():
        signup_create(session=session, user=resident)
        # Her confirmation and the organizer's notice, each with its delivery task.
        assert OutboxMessage.objects.count() == 2 and DBTaskResult.objects.count() == 2
        raise RuntimeError("the request failed after the sign-up")
    assert not OutboxMessage.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_line_break_in_a_title_neither_breaks_signup_nor_cancel(client, resident, organization, smtp_server, outbox_queue):
    listing = make_listing(organization, title="春の\r\nお茶会 & 手芸")
    session = make_session(listing)
    client.force_login(resident)

    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": 1})
    assert response.status_code == 302
    signup_cancel(signup=SignUp.objects.get())
    outbox_queue.work()

    mine = OutboxMessage.objects.filter(to=resident.email)
    assert [m.status for m in mine] == [Status.SENT, Status.SENT]
    for message in OutboxMessage.objects.all():  # hers and the organizer's
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "春の お茶会 & 手芸" in message.subject  # and not HTML-escaped (&amp;)
    assert len(smtp_server.messages_to(resident.email)) == 2


def test_a_reminder_counts_as_sent_only_once_the_server_accepted_it(resident, listing, smtp_server, outbox_queue):
    session = make_session(listing, days=1, hour=10)
    signup = signup_create(session=session, user=resident)
    smtp_server.refuse = 99
    outbox_queue.work()  # the sign-up confirmation fails too; that is not the point here

    assert send_due_reminders() == 1
    outbox_queue.work()
    signup.refresh_from_db()
    assert signup.reminder_sent_at is None
    assert send_due_reminders() == 0  # the failed reminder is staff's to resend, not queued twice

    smtp_server.refuse = 0
    message_resend(message=OutboxMessage.objects.get(kind="community/mail/signup_reminder"))
    outbox_queue.work()
    signup.refresh_from_db()
    assert signup.reminder_sent_at is not None
    assert len(smtp_server.messages_to(resident.email)) == 1


def test_lottery_results_count_as_mailed_only_once_the_server_accepted_them(organization, smtp_server, outbox_queue):
    from tests.volunteers.factories_college import make_cohort, make_college_application, make_course
    from volunteers.services import lottery

    course = make_course(make_cohort(), organization, capacity=1)
    make_college_application(course)
    make_college_application(course)
    smtp_server.refuse = 99
    lottery.course_draw(course=course, seed=4)
    outbox_queue.work()
    assert course.applications.filter(result_mailed_at__isnull=True).count() == 2
    assert lottery.course_results_mail(course=course) == 0  # queued once already; staff resend the failed ones

    smtp_server.refuse = 0
    for message in OutboxMessage.objects.failed().filter(kind="volunteers/mail/college_result"):
        message_resend(message=message)
    outbox_queue.work()
    assert not course.applications.filter(result_mailed_at__isnull=True).exists()
    results = OutboxMessage.objects.filter(kind="volunteers/mail/college_result", status=Status.SENT)
    assert results.count() == 2
    assert all(len(smtp_server.messages_to(m.to)) == 1 for m in results)  # each delivered once, after the resend


# --- a worker that died mid-send -----------------------------------------------------------------------------

def _worker_died_while_sending(message, *, minutes_ago: int) -> None:
    """What a killed db_worker leaves behind: its task RUNNING for ever, the row still 送信待ち."""
    from django_tasks.base import TaskResultStatus

    started = timezone.now() - dt.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        status=TaskResultStatus.RUNNING, started_at=started, worker_ids=["dead-worker"]
    )
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=started)


def test_a_mail_whose_worker_died_mid_send_is_queued_again_and_arrives_once(
    resident, smtp_server, outbox_queue, settings
):
    from community.services.outbox import outbox_requeue_stuck

    settings.OUTBOX_STUCK_AFTER = 600
    message = mail_queue(to=resident.email, subject="件名", body="本文", kind="test", key="stuck:1")
    _worker_died_while_sending(message, minutes_ago=11)

    outbox_queue.work()  # the surviving worker sees no ready task: the mail would wait for ever
    assert smtp_server.messages_to(resident.email) == []

    assert outbox_requeue_stuck() == 1
    assert outbox_requeue_stuck() == 0  # its new task is waiting: not queued a third time
    outbox_queue.work()

    assert len(smtp_server.messages_to(resident.email)) == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert outbox_requeue_stuck() == 0


def test_a_mail_being_sent_right_now_or_not_yet_overdue_is_left_alone(resident, outbox_queue, settings):
    from community.services.outbox import outbox_requeue_stuck

    settings.OUTBOX_STUCK_AFTER = 600
    recent = mail_queue(to=resident.email, subject="件名", body="本文", kind="test", key="stuck:recent")
    _worker_died_while_sending(recent, minutes_ago=2)  # started two minutes ago: maybe a slow mail server
    mail_queue(to="other@example.jp", subject="件名", body="本文", kind="test", key="stuck:waiting")

    assert outbox_requeue_stuck() == 0


def test_the_requeue_command_reports_what_it_did(resident, outbox_queue, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.OUTBOX_STUCK_AFTER = 600
    message = mail_queue(to=resident.email, subject="件名", body="本文", kind="test", key="stuck:cmd")
    _worker_died_while_sending(message, minutes_ago=30)
    out = StringIO()
    call_command("outbox_requeue", stdout=out)
    assert "送信キューに入れ直したメール: 1" in out.getvalue()
