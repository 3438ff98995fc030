"""Queue, deliver and resend mails through the outbox (community.models.outbox explains the idea).

- ``mail_queue`` writes one row per recipient and hands its id to the task queue (django-tasks);
- the worker runs ``message_deliver``: it sends, then records 送信済み, or counts the failure and schedules the
  next attempt after settings.OUTBOX_RETRY_DELAYS; when those are used up the row is 送信できませんでした;
- staff resend such a row from the admin (``message_resend``);
- ``outbox_requeue_stuck`` (command ``outbox_requeue``, every few minutes) gives a new task to a mail whose
  worker died while sending it (its task stays RUNNING for ever) or whose task was lost.

A row is locked while it is being sent and is skipped once sent, so a task that runs twice (a retry that
overlaps a resend, two workers) never sends the mail twice.
"""

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from community.models import OutboxMessage

logger = logging.getLogger("nerima.outbox")

SUBJECT_MAX = OutboxMessage._meta.get_field("subject").max_length
Status = OutboxMessage.Status

# What an app records once its mail was accepted, by name (registered in AppConfig.ready()).
_ON_SENT: dict[str, Callable[..., None]] = {}


def outbox_on_sent_register(name: str, func: Callable[..., None]) -> None:
    """Let messages queued with ``on_sent=name`` call ``func(**on_sent_args)`` once the server accepted them."""
    _ON_SENT[name] = func


def one_line(text: str) -> str:
    """A header value on one line: a line break in a title must never reach (and break) a mail header."""
    return " ".join(str(text).split())


def retry_delays() -> list[int]:
    return list(getattr(settings, "OUTBOX_RETRY_DELAYS", [60, 300, 1800, 7200]))


def mail_queue(
    *,
    to: str,
    subject: str,
    body: str,
    kind: str,
    language: str = "ja",
    key: str = "",
    reply_to: str = "",
    on_sent: str = "",
    on_sent_args: dict | None = None,
) -> OutboxMessage | None:
    """Queue one mail to one address; a key that was queued before returns that message and queues nothing.

    Call it inside the transaction that makes the change the mail reports. Returns None when there is no
    address to write to; the returned message's ``just_queued`` says whether this call queued it.
    """
    to = one_line(to)
    if not to:
        return None
    if on_sent and on_sent not in _ON_SENT:
        raise ValueError(f"No outbox on_sent hook named {on_sent!r} is registered")
    with transaction.atomic():
        message, created = OutboxMessage.objects.get_or_create(
            key=key or f"{kind}:{uuid.uuid4().hex}",
            defaults={
                "kind": kind,
                "to": to,
                "reply_to": one_line(reply_to),
                "subject": one_line(subject)[:SUBJECT_MAX],
                "body": body,
                "language": language,
                "on_sent": on_sent,
                "on_sent_args": on_sent_args or {},
            },
        )
        if created:
            _enqueue(message.pk)
    message.just_queued = created
    return message


def _enqueue(message_id: int, *, run_after: dt.datetime | None = None) -> None:
    from community.tasks import deliver_outbox_message

    backend = deliver_outbox_message.get_backend()
    if run_after is not None and not backend.supports_defer:
        # A backend that cannot wait (the immediate one in tests) leaves the retry to staff's resend button.
        return
    task = deliver_outbox_message if run_after is None else deliver_outbox_message.using(run_after=run_after)
    if isinstance(backend, DatabaseBackend):
        # The queue lives in the same database: the task row commits (or rolls back) with the message.
        task.enqueue(message_id)
    else:
        transaction.on_commit(lambda: task.enqueue(message_id))


def _message_id_header(key: str) -> str:
    """The same Message-ID for every attempt of one logical mail, so a receiving server can drop a duplicate."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}@{domain}>"


def _as_email(message: OutboxMessage) -> EmailMessage:
    return EmailMessage(
        subject=message.subject,
        body=message.body,
        to=[message.to],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": _message_id_header(message.key), "Auto-Submitted": "auto-generated"},
    )


def message_deliver(*, message_id: int, now: dt.datetime | None = None) -> str:
    """Send one queued message (the worker's task); returns the status it ends in."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status in (Status.SENT, Status.FAILED):
            # Sent already (a duplicate task), or failed and waiting for staff: nothing to do.
            return message.status if message else "missing"
        message.attempts += 1
        try:
            _as_email(message).send(fail_silently=False)
        except Exception as exc:  # SMTP refusals, timeouts, DNS: the mail waits for its next attempt
            _record_failure(message, exc, now=now or timezone.now())
            return message.status
        message.status = Status.SENT
        message.sent_at = timezone.now()
        message.next_attempt_at = None
        message.save(update_fields=["status", "attempts", "sent_at", "next_attempt_at"])
        _run_on_sent(message)
    return message.status


def _record_failure(message: OutboxMessage, exc: Exception, *, now: dt.datetime) -> None:
    delays = retry_delays()
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if message.attempts <= len(delays):
        message.status = Status.RETRYING
        message.next_attempt_at = now + dt.timedelta(seconds=delays[message.attempts - 1])
        _enqueue(message.pk, run_after=message.next_attempt_at)
    else:
        message.status = Status.FAILED
        message.next_attempt_at = None
    logger.warning("outbox message %s attempt %s failed: %s", message.pk, message.attempts, message.last_error)
    message.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])


def _run_on_sent(message: OutboxMessage) -> None:
    if not message.on_sent:
        return
    try:
        # In a savepoint: a broken hook must not roll back 送信済み for a mail that did go out.
        with transaction.atomic():
            _ON_SENT[message.on_sent](**message.on_sent_args)
    except Exception:
        logger.exception("outbox on_sent hook %s failed for message %s", message.on_sent, message.pk)


def message_resend(*, message: OutboxMessage) -> bool:
    """Staff's 再送: queue a failed (or stuck) message again with a fresh round of retries. False if already sent."""
    with transaction.atomic():
        locked = OutboxMessage.objects.select_for_update().get(pk=message.pk)
        if locked.status == Status.SENT:
            return False
        locked.status = Status.QUEUED
        locked.attempts = 0
        locked.next_attempt_at = None
        locked.save(update_fields=["status", "attempts", "next_attempt_at"])
        _enqueue(locked.pk)
    return True


def stuck_after() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "OUTBOX_STUCK_AFTER", 600))


def _messages_with_a_live_task(*, since: dt.datetime) -> set[int]:
    """Ids of messages that a task will still deliver: waiting in the queue, or started recently."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from community.tasks import deliver_outbox_message

    live = DBTaskResult.objects.filter(task_path=deliver_outbox_message.module_path).filter(
        Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gte=since)
    )
    return {args[0] for args in (row["args"] for row in live.values_list("args_kwargs", flat=True)) if args}


def outbox_requeue_stuck(*, now: dt.datetime | None = None) -> int:
    """Queue a new task for every unsent mail overdue by OUTBOX_STUCK_AFTER with no live task; returns how many.

    A worker killed mid-send (a database restart, a deploy) leaves its task RUNNING and the row unsent; nothing
    else would ever send it. A second task is safe: delivery locks the row and skips a mail already sent.
    """
    now = now or timezone.now()
    cutoff = now - stuck_after()
    overdue = OutboxMessage.objects.filter(
        Q(status=Status.QUEUED, created_at__lt=cutoff) | Q(status=Status.RETRYING, next_attempt_at__lt=cutoff)
    ).values_list("pk", flat=True)
    ids = set(overdue)
    if not ids:
        return 0
    requeued = sorted(ids - _messages_with_a_live_task(since=cutoff))
    for message_id in requeued:
        with transaction.atomic():
            _enqueue(message_id)
    if requeued:
        logger.warning("outbox: %s mails had lost their task and were queued again: %s", len(requeued), requeued)
    return len(requeued)
