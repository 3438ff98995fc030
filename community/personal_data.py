"""自分のデータ: the registry of apps that hold personal data, and the services built on it.

Every module named in PERSONAL_DATA_MODULES offers the same names:

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

This module is also community's own entry (account, sign-ups, memberships, invitations).
"""

import datetime as dt
import importlib
from types import ModuleType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import Invitation, Membership, PersonalDataAccess, SignUp, User
from community.services.organizations import membership_remove
from community.services.signups import signup_cancel
from community.templatetags.portal import jdatetime

# Import paths, not imports: community must not import the initiative apps when it is loaded.
# Community comes first so that its account section leads the export; it is erased last.
PERSONAL_DATA_MODULES = [
    "community.personal_data",
    "volunteers.personal_data",
    "hiroba.personal_data",
    "projects.personal_data",
]

# Retention periods, one place. Override any of them with settings.PERSONAL_DATA_RETENTION_DAYS = {"key": days}.
RETENTION_DEFAULTS = {
    "past_signups": dt.timedelta(days=365),  # sign-ups anonymized 1 year after the session ended
    "join_inquiries": dt.timedelta(days=3 * 365),  # deleted 3 years after answered (or received, if never answered)
    "commissioner_contacts": dt.timedelta(days=3 * 365),  # deleted 3 years after received
    "withdrawn_collaborators": dt.timedelta(days=365),  # withdrawn 協働推進員 registrations deleted after 1 year
    "unverified_accounts": dt.timedelta(days=30),  # never-verified accounts that did nothing, after 30 days
}

# What a sign-up keeps once anonymized: the seat count for statistics, no person.
ANONYMIZED_NAME = "（匿名化済み）"


def retention_periods() -> dict[str, dt.timedelta]:
    overrides = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", {})
    return {**RETENTION_DEFAULTS, **{key: dt.timedelta(days=days) for key, days in overrides.items()}}


def personal_data_modules() -> list[ModuleType]:
    return [importlib.import_module(path) for path in PERSONAL_DATA_MODULES]


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


# --- community's own records ---------------------------------------------------------------------

SECTIONS = {
    "account": gettext_lazy("アカウントとプロフィール"),
    "signups": gettext_lazy("開催回への申込"),
    "memberships": gettext_lazy("団体のメンバー"),
    "organization_invitations": gettext_lazy("団体からの招待（メール）"),
}

ERASE_REMOVES = [
    gettext_lazy("アカウント（メールアドレス・パスワード・氏名・よみがな・電話番号・お住まいの町丁目・言語・関心のある分野）"),
    gettext_lazy("団体のメンバーとしての登録と、あなたあての団体への招待"),
]
ERASE_ANONYMIZES = [
    gettext_lazy("これからの開催回への申込はキャンセルします（キャンセル待ちの方が繰り上がります）。"),
    gettext_lazy("開催回への申込の記録は、氏名・電話番号・メールアドレス・連絡事項を消して、人数だけを団体の集計用に残します。"),
]


def erase_refusals(user) -> list[str]:
    if user.is_staff or user.is_superuser:
        return [_("職員のアカウントは、この画面からは削除できません。システム管理者に依頼してください。")]
    return [
        _("あなたは「%(organization)s」のただ一人の代表者です。先に別のメンバーを代表者にしてから、退会してください。")
        % {"organization": organization.name}
        for organization in last_representative_organizations(user)
    ]


def last_representative_organizations(user) -> list:
    """Organizations where `user` is the only 代表者 (the kernel refuses to remove the last one)."""
    mine = Membership.objects.representatives().filter(user=user).select_related("organization")
    others = set(
        Membership.objects.representatives()
        .filter(organization_id__in=[m.organization_id for m in mine])
        .exclude(user=user)
        .values_list("organization_id", flat=True)
    )
    return [m.organization for m in mine if m.organization_id not in others]


def _account_rows(user) -> list[dict]:
    from allauth.account.models import EmailAddress

    chome = str(user.chome) if user.chome_id else None
    return [{
        "email": user.email,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "full_name": user.full_name,
        "full_name_kana": user.full_name_kana,
        "phone": user.phone,
        "chome": chome,
        "languages": list(user.languages),
        "interests": list(user.interests),
        "preferred_language": user.preferred_language,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "summary": _("%(email)s・氏名：%(name)s・お住まい：%(chome)s")
        % {"email": user.email, "name": user.full_name or "—", "chome": chome or "—"},
    }]


def _signup_rows(user) -> list[dict]:
    signups = (
        SignUp.objects.for_user(user)
        .select_related("session__listing__organization")
        .order_by("-session__starts_at", "-pk")
    )
    return [{
        "listing": s.session.listing.title,
        "session_title": s.session.title,
        "organization": s.session.listing.organization.name,
        "starts_at": when(s.session.starts_at),
        "status": s.status,
        "name": s.name,
        "phone": s.phone,
        "email": s.email,
        "party_size": s.party_size,
        "note": s.note,
        "language": s.language,
        "by_staff_proxy": s.proxy_by_id is not None,
        "created_at": when(s.created_at),
        "promoted_at": when(s.promoted_at),
        "cancelled_at": when(s.cancelled_at),
        "summary": _("%(date)s %(title)s（%(status)s・%(n)s人）")
        % {"date": jdatetime(s.session.starts_at), "title": s.session.title or s.session.listing.title,
           "status": s.get_status_display(), "n": s.party_size},
    } for s in signups]


def _membership_rows(user) -> list[dict]:
    return [{
        "organization": m.organization.name,
        "role": m.role,
        "joined_at": when(m.joined_at),
        "summary": f"{m.organization.name}（{m.get_role_display()}）",
    } for m in Membership.objects.filter(user=user).select_related("organization").order_by("pk")]


def _invitation_rows(user) -> list[dict]:
    invitations = (
        Invitation.objects.filter(email_q("email", verified_emails(user)) | Q(accepted_by=user))
        .select_related("organization")
        .order_by("-created_at")
    )
    return [{
        "organization": i.organization.name,
        "email": i.email,
        "role": i.role,
        "created_at": when(i.created_at),
        "accepted_at": when(i.accepted_at),
        "revoked_at": when(i.revoked_at),
        "summary": _("%(organization)s から（%(date)s）") % {"organization": i.organization.name, "date": jdatetime(i.created_at)},
    } for i in invitations]


def export(user) -> dict[str, list[dict]]:
    return {
        "account": _account_rows(user),
        "signups": _signup_rows(user),
        "memberships": _membership_rows(user),
        "organization_invitations": _invitation_rows(user),
    }


def _not_anonymized() -> Q:
    return Q(user__isnull=False) | ~Q(name=ANONYMIZED_NAME) | ~Q(phone="") | ~Q(email="") | ~Q(note="")


def _anonymize_signups(signups) -> int:
    return signups.filter(_not_anonymized()).update(user=None, name=ANONYMIZED_NAME, phone="", email="", note="")


def erase(user) -> None:
    now = timezone.now()
    upcoming = SignUp.objects.active().for_user(user).filter(session__starts_at__gt=now)
    for signup in upcoming:
        cancelled = signup_cancel(signup=signup)
        # The cancellation mail is sent after commit, when the account row is gone: give it the address now.
        cancelled.user = user
    _anonymize_signups(SignUp.objects.for_user(user))
    for membership in Membership.objects.filter(user=user):
        membership_remove(membership=membership)  # the kernel refuses to remove the last 代表者
    Invitation.objects.filter(email_q("email", [user.email.lower(), *verified_emails(user)]) | Q(accepted_by=user)).delete()


def _unverified_idle_accounts(*, now, period):
    from allauth.account.models import EmailAddress

    return User.objects.filter(
        is_staff=False, is_superuser=False, last_login__isnull=True, date_joined__lt=now - period,
    ).exclude(pk__in=EmailAddress.objects.filter(verified=True).values("user_id"))


def _holds_activity(user) -> bool:
    """True when any app holds a record of this account besides the account itself."""
    for module in personal_data_modules():
        sections = module.export(user)
        if any(rows for key, rows in sections.items() if not (module.__name__ == __name__ and key == "account")):
            return True
    return False


def retention(*, now, periods) -> dict[str, int]:
    past = SignUp.objects.filter(session__ends_at__lt=now - periods["past_signups"])
    anonymized = _anonymize_signups(past)
    deleted = 0
    for user in _unverified_idle_accounts(now=now, period=periods["unverified_accounts"]).iterator():
        if not _holds_activity(user):
            user.delete()
            deleted += 1
    return {
        _("開催回の申込（終了から%(days)s日を過ぎたものを匿名化）") % {"days": periods["past_signups"].days}: anonymized,
        _("メールアドレスが確認されないままのアカウント（登録から%(days)s日を過ぎ、利用のないものを削除）")
        % {"days": periods["unverified_accounts"].days}: deleted,
    }
