"""自分のデータ: the registry of apps that hold personal data, and the services built on it.

Every app that holds personal data registers a module with these names in its AppConfig.ready()
(``community.registry.personal_data.register(module)``):

- ``SECTIONS``: ``{key: title}``: the export's section keys and their Japanese titles, in display order;
- ``export(user) -> {key: [row, ...]}``: JSON-ready rows about this user only;
- ``erase(user) -> None``: delete or anonymize what the account holds (runs inside the caller's transaction);
- ``retention(*, now, periods) -> {label: count}``: apply the retention periods (idempotent);
- ``ERASE_REMOVES`` / ``ERASE_ANONYMIZES``: what erase deletes and what it keeps without the name (shown before
  the resident confirms);
- optionally ``erase_refusals(user) -> [message, ...]``: why the account cannot be deleted yet.

Row keys are stable English snake_case on purpose: the file is for carrying the data elsewhere and must not
change with the display language. People read the ``summary`` line that every row carries (written in the
resident's language) and the page 「自分のデータ」.

Community's own records are in community/personal_data_kernel.py, registered like every other app (first, because
INSTALLED_APPS lists community first: its account section leads the export and is erased last).
"""

import datetime as dt
from types import ModuleType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community import registry
from community.models import PersonalDataAccess, User

# Retention periods, one place. Override any of them with settings.PERSONAL_DATA_RETENTION_DAYS = {"key": days}.
RETENTION_DEFAULTS = {
    "past_signups": dt.timedelta(days=365),  # sign-ups anonymized 1 year after the session ended
    "join_inquiries": dt.timedelta(days=3 * 365),  # deleted 3 years after answered (or received, if never answered)
    "commissioner_contacts": dt.timedelta(days=3 * 365),  # deleted 3 years after received
    "withdrawn_collaborators": dt.timedelta(days=365),  # withdrawn 協働推進員 registrations deleted after 1 year
    "unverified_accounts": dt.timedelta(days=30),  # never-verified accounts that did nothing, after 30 days
    "outbox_messages": dt.timedelta(days=90),  # copies of sent mails (送信メール) deleted 90 days after queued
    "unconfirmed_guest_signups": dt.timedelta(days=7),  # guest sign-ups whose mail link was never opened
}

# What a sign-up keeps once anonymized: the seat count for statistics, no person.
ANONYMIZED_NAME = "（匿名化済み）"


def retention_periods() -> dict[str, dt.timedelta]:
    overrides = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", {})
    return {**RETENTION_DEFAULTS, **{key: dt.timedelta(days=days) for key, days in overrides.items()}}


def personal_data_modules() -> list[ModuleType]:
    return list(registry.personal_data)


def when(value) -> str | None:
    """A date or time as ISO 8601 in Japan time (None stays None)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def verified_emails(user) -> list[str]:
    """The user's confirmed addresses: records sent without an account are matched only by these."""
    from allauth.account.models import EmailAddress

    # Several apps ask within one request; the addresses do not change meanwhile, so ask the database once.
    if not hasattr(user, "_confirmed_emails"):
        addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        user._confirmed_emails = sorted({email.lower() for email in addresses})
    return user._confirmed_emails


def email_q(field: str, emails: list[str]) -> Q:
    """Case-insensitive match of `field` against any of `emails` (matches nothing when there are none)."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field}__iexact": email})
    return query


# --- the resident-facing services ----------------------------------------------------------------

def personal_data_export(*, user, now=None) -> dict:
    """Everything the portal holds about `user`, by app and section."""
    now = now or timezone.now()
    return {
        "format": "nerima-portal-personal-data/1",
        "exported_at": when(now),
        "about": _("ねりま地域福祉ポータルが保存している、あなたに関するデータです。各項目の summary は読みやすい要約です。"),
        "apps": {module.__name__.split(".")[0]: module.export(user) for module in personal_data_modules()},
    }


def personal_data_summary(*, user, limit: int) -> list[dict]:
    """Sections for the page: title, how many rows, and the first `limit` rows' summary lines."""
    sections = []
    for module in personal_data_modules():
        data = module.export(user)
        for key, title in module.SECTIONS.items():
            rows = data.get(key, [])
            sections.append({
                "key": key, "title": title, "count": len(rows), "lines": [row["summary"] for row in rows[:limit]],
            })
    return sections


def erase_promises() -> dict[str, list]:
    """What deleting the account removes and what it keeps anonymized, for the confirmation page."""
    modules = personal_data_modules()
    return {
        "removes": [item for module in modules for item in module.ERASE_REMOVES],
        "anonymizes": [item for module in modules for item in module.ERASE_ANONYMIZES],
    }


def account_erase_refusals(*, user) -> list[str]:
    return [
        message
        for module in personal_data_modules()
        for message in (module.erase_refusals(user) if hasattr(module, "erase_refusals") else [])
    ]


def account_erase(*, user, password: str) -> None:
    """Delete the account and everything it holds, in one transaction: all of it or none of it."""
    if not password or not user.check_password(password):
        raise ValidationError({"password": _("パスワードが正しくありません。")})
    refusals = account_erase_refusals(user=user)
    if refusals:
        raise ValidationError(refusals)
    with transaction.atomic():
        # Lock the account so two clicks cannot erase it twice at the same time.
        User.objects.select_for_update().get(pk=user.pk)
        for module in reversed(personal_data_modules()):
            module.erase(user)
        User.objects.filter(pk=user.pk).delete()


def personal_data_apply_retention(*, now=None) -> dict[str, int]:
    """Apply every app's retention periods once; returns how many records each rule touched."""
    now = now or timezone.now()
    periods = retention_periods()
    counts: dict[str, int] = {}
    for module in personal_data_modules():
        counts.update(module.retention(now=now, periods=periods))
    return counts


def personal_data_access_record(*, user, action: str, session, rows: int) -> PersonalDataAccess:
    """Log that `user` looked at or exported the sign-ups of `session`."""
    return PersonalDataAccess.objects.create(
        user=user,
        user_label=f"{user.get_full_name()} <{user.email}>",
        action=action,
        organization_id=session.listing.organization_id,
        session=session,
        target_label=str(session)[:300],
        rows=rows,
    )
