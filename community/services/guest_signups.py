"""Sign up without an account: a name, a phone number and/or an e-mail address, and the party size.

The same rules as account sign-ups (community/services/signups.py): the session row is locked before
seats are counted, a newcomer never jumps the waitlist, and the same person asking twice gets the same
sign-up. A guest's identity is their normalized contact (``guest_key``), held unique among active
sign-ups of a session by the constraint ``signup_one_active_per_guest``.

- Phone only: the sign-up is made at once; the guest gets a reference number and the organizer's phone.
- With an e-mail address: a 「メール確認待ち」 sign-up holding no seat; the link in the mail finishes it
  in whatever browser opens it (the link carries the sign-up, not the browser session).
"""

import re
import secrets
import unicodedata

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community import mails
from community.models import Session, SignUp
from community.services.signups import _locked_session, _seat_is_free, _tell_organizer

CONFIRM_SALT = "community.signup.guest-confirm"
# The confirmation link works this long; an unconfirmed sign-up is deleted later by apply_retention.
CONFIRM_MAX_AGE = 60 * 60 * 48


def normalize_phone(phone: str) -> str:
    """Digits only (全角 → 半角): 「０３－１２３４－５６７８」 and 「03 1234 5678」 are the same number."""
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", phone or ""))


def guest_key(*, email: str = "", phone: str = "") -> str:
    """Who the guest is: the e-mail address when given (it is what we can confirm), else the phone number."""
    email = (email or "").strip().lower()
    if email:
        return f"mail:{email}"
    digits = normalize_phone(phone)
    return f"tel:{digits}" if digits else ""


def _new_reference() -> str:
    """Eight digits in two groups, easy to read out on the phone: 「4821-0937」."""
    while True:
        number = f"{secrets.randbelow(10**8):08d}"
        reference = f"{number[:4]}-{number[4:]}"
        if not SignUp.objects.filter(reference=reference).exists():
            return reference


def _active_guest_signup(session: Session, key: str) -> SignUp | None:
    return SignUp.objects.active().filter(session=session, guest_key=key).first()


def guest_signup_start(
    *,
    session: Session,
    name: str,
    phone: str = "",
    email: str = "",
    party_size: int = 1,
    note: str = "",
    language: str = "ja",
) -> tuple[SignUp, bool]:
    """Phone only: sign up at once. With e-mail: a pending sign-up and a confirmation mail.

    Returns (sign-up, created): a repeated request hands back the guest's earlier sign-up with created=False.
    """
    key = guest_key(email=email, phone=phone)
    if not name:
        raise ValidationError({"name": _("氏名を入力してください。")})
    if not key:
        raise ValidationError({"phone": _("電話番号かメールアドレスのどちらかを入力してください。")})
    if party_size < 1:
        raise ValidationError({"party_size": _("人数は1人以上で入力してください。")})
    try:
        with transaction.atomic():
            locked = _locked_session(session.pk)
            if not locked.is_signup_open():
                raise ValidationError(_("この回は現在申込を受け付けていません。"))
            existing = _active_guest_signup(locked, key)
            if existing:
                return existing, False
            if locked.capacity is not None and party_size > locked.capacity:
                raise ValidationError({"party_size": _("人数が定員を超えています。")})
            if email:
                pending = (
                    SignUp.objects.filter(session=locked, guest_key=key, status=SignUp.Status.PENDING)
                    .order_by("-created_at")
                    .first()
                )
                if pending and not _is_expired(pending):
                    # The same guest asked again before opening the mail: one pending sign-up, no second mail.
                    return pending, False
                status = SignUp.Status.PENDING
            else:
                status = SignUp.Status.CONFIRMED if _seat_is_free(locked, party_size) else SignUp.Status.WAITLISTED
            signup = SignUp(
                session=locked,
                name=name,
                phone=phone,
                email=email,
                party_size=party_size,
                note=note,
                language=language,
                status=status,
                guest_key=key,
                reference=_new_reference(),
            )
            signup.full_clean()
            signup.save()
            if status == SignUp.Status.PENDING:
                send_guest_confirm_mail(signup)  # queued in the outbox with the sign-up, in one transaction
            else:
                # Phone only: no mail to the guest (the screen is their receipt), but the organizer hears of it
                # like of any sign-up, and knows to phone them if the session changes.
                _tell_organizer(signup, "created")
            return signup, True
    except IntegrityError:
        # A twin request by the same guest (a double click) won the race; hand back its sign-up.
        return SignUp.objects.active().get(session=session, guest_key=key), False


def _is_expired(signup: SignUp) -> bool:
    return (timezone.now() - signup.created_at).total_seconds() > CONFIRM_MAX_AGE


def guest_signup_confirm(*, signup: SignUp) -> SignUp:
    """Finish a pending sign-up: a seat if one is free and nobody waits, else the waitlist (idempotent)."""
    with transaction.atomic():
        locked = _locked_session(signup.session_id)
        current = SignUp.objects.select_for_update().get(pk=signup.pk)
        if current.status != SignUp.Status.PENDING:
            return current
        existing = _active_guest_signup(locked, current.guest_key)
        if existing:
            # The same guest confirmed another request for this session already: keep that one.
            current.status = SignUp.Status.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            return existing
        if not locked.is_signup_open():
            raise ValidationError(_("この回の申込の受け付けは終わりました。"))
        if _is_expired(current):
            raise ValidationError(_("確認の期限（48時間）が過ぎました。お手数ですが、もう一度お申し込みください。"))
        current.status = SignUp.Status.CONFIRMED if _seat_is_free(locked, current.party_size) else SignUp.Status.WAITLISTED
        # The place in the waitlist counts from confirmation, not from the unconfirmed request.
        current.created_at = timezone.now()
        current.save(update_fields=["status", "created_at"])
        mails.send_signup_mail(current, "created")  # the guest's receipt, with the reference
        _tell_organizer(current, "created")
        return current


def confirm_token(signup: SignUp) -> str:
    return signing.dumps(signup.pk, salt=CONFIRM_SALT)


def signup_from_confirm_token(token: str) -> SignUp | None:
    """The pending sign-up a confirmation link names (None for a forged link)."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT)
    except signing.BadSignature:
        return None
    return SignUp.objects.select_related("session__listing__organization").filter(pk=pk).first()


def send_guest_confirm_mail(signup: SignUp) -> None:
    mails.send_templated_mail(
        key=f"signup:{signup.pk}:guest-confirm",
        template="community/mail/signup_guest_confirm",
        to=signup.email,
        language=signup.language,
        context={
            "signup": signup,
            "session": signup.session,
            "listing": signup.session.listing,
            "confirm_url": mails.absolute_url(reverse("community:guest_signup_confirm", args=[confirm_token(signup)])),
            "hours": CONFIRM_MAX_AGE // 3600,
        },
    )
