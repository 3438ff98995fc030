"""What must hold after the faults: read from the database, the mail sink and the restored backup."""

import email
import email.policy
import hashlib
import zlib
from collections import Counter
from pathlib import Path

import psycopg

# Subject beginnings of the sign-up mails (Japanese: every seeded resident reads Japanese).
MAIL_KINDS = {"申込を受け付けました": "created", "キャンセル待ちで受け付けました": "created",
              "キャンセル待ちから繰り上がりました": "promoted", "申込をキャンセルしました": "cancelled"}


def signups_kept(record) -> list[str]:
    from community.models import SignUp

    problems = []
    stored = set(SignUp.objects.values_list("user_id", "session_id"))
    lost = record.signups - stored
    if lost:
        problems.append(f"{len(lost)} acknowledged sign-ups are missing: {sorted(lost)[:5]}")
    cancelled = set(SignUp.objects.filter(pk__in=record.cancels, status=SignUp.Status.CANCELLED).values_list("pk", flat=True))
    if record.cancels - cancelled:
        problems.append(f"acknowledged cancellations not cancelled: {sorted(record.cancels - cancelled)[:5]}")
    return problems


def no_overbooking(session_ids) -> list[str]:
    from community.models import Session, SignUp

    problems = []
    for session in Session.objects.filter(pk__in=session_ids):
        confirmed = session.confirmed_total()
        if confirmed > session.capacity:
            problems.append(f"session {session.pk}: {confirmed} confirmed for {session.capacity} seats")
        first_waiting = session.signups.filter(status=SignUp.Status.WAITLISTED).order_by("created_at", "pk").first()
        if first_waiting and confirmed + first_waiting.party_size <= session.capacity:
            problems.append(f"session {session.pk}: a seat is free while sign-up {first_waiting.pk} still waits")
    return problems


def consultations_kept(record) -> list[str]:
    from hiroba.models import ConsultationRequest

    messages = list(ConsultationRequest.objects.filter(message__contains="cluster-").values_list("message", flat=True))
    missing = [marker for marker in record.consultations if not any(marker in message for message in messages)]
    return [f"{len(missing)} acknowledged consultation requests are missing: {missing[:3]}"] if missing else []


def limit_window(address: str, moment, period: int) -> int:
    """The end of the limiter's window that `moment` falls in for `address`. django-ratelimit counts in fixed
    windows of `period` seconds, each key's ending at its own offset in the period (crc32 of the key), so a run that
    crosses an address's window end rightly accepts up to the limit again after it."""
    ts = int(moment.timestamp())
    end = ts - ts % period + zlib.crc32(address.encode()) % period
    return end + period if end < ts else end


def limits_held(record, per_address: int, period: int) -> list[str]:
    from hiroba.models import ConsultationRequest

    problems = []
    stored = Counter()
    found = ConsultationRequest.objects.filter(message__contains="cluster-").values_list("message", "received_at")
    for message, received_at in found:
        address = message.split("cluster-", 1)[1].split("-", 1)[0]
        stored[(address, limit_window(address, received_at, period))] += 1
    for (address, _window), count in sorted(stored.items()):
        if count > per_address:
            problems.append(f"{address}: {count} requests stored in one window of {period} s, limit {per_address}")
    if not record.limited:
        problems.append("no request was ever refused with 429: the limit was not exercised")
    return problems


def mails_once(messages: list[bytes], with_outbox: bool) -> tuple[list[str], str]:
    """Every sign-up event has exactly one mail (with the outbox); without it, at least no duplicate."""
    from community.models import SignUp

    expected = Counter()
    for signup in SignUp.objects.select_related("user", "session__listing"):
        key = (signup.user.email, signup.session.listing.title)
        expected[(*key, "created")] += 1
        if signup.promoted_at:
            expected[(*key, "promoted")] += 1
        if signup.status == SignUp.Status.CANCELLED:
            expected[(*key, "cancelled")] += 1
    got = Counter()
    for raw in messages:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        subject = str(message["Subject"]).split("] ", 1)[-1]
        kind = next((kind for start, kind in MAIL_KINDS.items() if subject.startswith(start)), None)
        if kind:
            got[(str(message["To"]), subject.split("：", 1)[1], kind)] += 1
    duplicated, missing = got - expected, expected - got
    summary = f"{sum(expected.values())} mails due, {sum(got.values())} sent, {sum(missing.values())} missing, " \
              f"{sum(duplicated.values())} extra"
    problems = [f"mails sent more than once: {list(duplicated.items())[:3]}"] if duplicated else []
    if missing and with_outbox:
        problems.append(f"mails never sent: {list(missing.items())[:3]}")
    return problems, summary


def table_snapshot(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every row of every table: equal snapshots mean equal data."""
    snapshot = {}
    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        for table in tables:
            count, digest = connection.execute(
                f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) FROM "{table}" t'  # noqa: S608
            ).fetchone()
            snapshot[table] = (count, digest)
    return snapshot


def tree_snapshot(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}
