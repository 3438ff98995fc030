"""Community's own personal data: the account, sign-ups, memberships and invitations to the user's address.

Registered in community.personal_data (see there for the contract). It also holds the rule for accounts that
were never confirmed: they go after a while, unless some app holds a record of them.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import Invitation, Membership, OutboxMessage, SignUp, User
from community.personal_data import ANONYMIZED_NAME, email_q, personal_data_modules, verified_emails, when
from community.services.organizations import membership_remove
from community.services.signups import signup_cancel
from community.templatetags.portal import jdatetime

SECTIONS = {
    "account": gettext_lazy("アカウントとプロフィール"),
    "signups": gettext_lazy("開催回への申込"),
    "memberships": gettext_lazy("団体のメンバー"),
    "organization_invitations": gettext_lazy("団体からの招待（メール）"),
}

ERASE_REMOVES = [
    gettext_lazy("アカウント（メールアドレス・パスワード・氏名・よみがな・電話番号・お住まいの町丁目・言語・関心のある分野）"),
    gettext_lazy("団体のメンバーとしての登録と、あなたあての団体への招待"),
    gettext_lazy("ポータルがあなたに送ったメールの控え"),
]
ERASE_ANONYMIZES = [
    gettext_lazy("これからの開催回への申込はキャンセルします（キャンセル待ちの方が繰り上がります）。"),
    gettext_lazy("開催回への申込の記録は、氏名・電話番号・メールアドレス・連絡事項を消して、人数だけを団体の集計用に残します。"),
    gettext_lazy(
        "団体のメンバーとして申込者の一覧を見たり出力したりした記録は、監査のため、そのときの氏名とメールアドレスのまま"
        "残します（区職員だけが見られます）。"
    ),
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
    return (
        Q(user__isnull=False) | ~Q(name=ANONYMIZED_NAME) | ~Q(phone="") | ~Q(email="") | ~Q(note="") | ~Q(guest_key="")
    )


def _anonymize_signups(signups) -> int:
    return signups.filter(_not_anonymized()).update(
        user=None, name=ANONYMIZED_NAME, phone="", email="", note="", guest_key=""
    )


def erase(user) -> None:
    now = timezone.now()
    upcoming = SignUp.objects.active().for_user(user).filter(session__starts_at__gt=now)
    for signup in upcoming:
        cancelled = signup_cancel(signup=signup)
        # The cancellation mail is sent after commit, when the account row is gone: give it the address now.
        cancelled.user = user
    _anonymize_signups(SignUp.objects.for_user(user))
    for membership in Membership.objects.filter(user=user):
        # The kernel refuses to remove the last 代表者; by=user: no 'you were removed' mail for leaving yourself.
        membership_remove(membership=membership, by=user)
    Invitation.objects.filter(email_q("email", [user.email.lower(), *verified_emails(user)]) | Q(accepted_by=user)).delete()
    # Copies of mails already sent (or given up) go; mails still queued (the cancellations above) go out first,
    # and the retention period removes them afterwards. The copies are not in the export: they only repeat
    # what the records above already hold.
    OutboxMessage.objects.to_any_of([user.email, *verified_emails(user)]).exclude(
        status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.RETRYING]
    ).delete()


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
    # A guest who never opened the confirmation mail never had a seat: nothing of theirs is kept.
    unconfirmed, _counts = SignUp.objects.filter(
        status=SignUp.Status.PENDING, created_at__lt=now - periods["unconfirmed_guest_signups"]
    ).delete()
    deleted = 0
    for user in _unverified_idle_accounts(now=now, period=periods["unverified_accounts"]).iterator():
        if not _holds_activity(user):
            user.delete()
            deleted += 1
    mails, _counts = OutboxMessage.objects.filter(created_at__lt=now - periods["outbox_messages"]).delete()
    return {
        _("送信メールの控え（作成から%(days)s日を過ぎたものを削除）") % {"days": periods["outbox_messages"].days}: mails,
        _("開催回の申込（終了から%(days)s日を過ぎたものを匿名化）") % {"days": periods["past_signups"].days}: anonymized,
        _("メールアドレスが確認されないままのアカウント（登録から%(days)s日を過ぎ、利用のないものを削除）")
        % {"days": periods["unverified_accounts"].days}: deleted,
        _("メールのリンクが開かれなかったゲストの申込（%(days)s日を過ぎたものを削除）")
        % {"days": periods["unconfirmed_guest_signups"].days}: unconfirmed,
    }
