"""Sign up, cancel and promote from the waitlist, without ever overbooking.

Every write locks the session row first (SELECT … FOR UPDATE), then counts seats, inside one
transaction: two people racing for the last seat are serialized by the database, so exactly one
is confirmed. A partial unique constraint refuses a second active sign-up by the same person.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community import mails
from community.models import Session, SignUp
from community.services.notices import organizer_notify
from community.templatetags.portal import jdatetime

CANCEL_SALT = "community.signup.cancel"


def _locked_session(session_id: int) -> Session:
    return Session.objects.select_for_update().get(pk=session_id)


def _seats_fit(session: Session, party_size: int) -> bool:
    return session.capacity is None or session.confirmed_total() + party_size <= session.capacity


def _seat_is_free(session: Session, party_size: int) -> bool:
    """A newcomer gets a seat only if it fits and nobody is already waiting (no jumping the queue)."""
    return _seats_fit(session, party_size) and not session.signups.waitlist().exists()


def signup_create(
    *,
    session: Session,
    user=None,
    name: str = "",
    phone: str = "",
    email: str = "",
    party_size: int = 1,
    note: str = "",
    proxy_by=None,
    language: str | None = None,
) -> SignUp:
    """Confirm a seat if one is left, otherwise join the waitlist; a repeated click returns the same sign-up."""
    if party_size < 1:
        raise ValidationError({"party_size": _("人数は1人以上で入力してください。")})
    if user is None and not name:
        raise ValidationError({"name": _("氏名を入力してください。")})
    try:
        with transaction.atomic():
            locked = _locked_session(session.pk)
            if not locked.is_signup_open() and proxy_by is None:
                raise ValidationError(_("この回は現在申込を受け付けていません。"))
            if user is not None:
                existing = SignUp.objects.active().filter(session=locked, user=user).first()
                if existing:
                    return existing
            if locked.capacity is not None and party_size > locked.capacity:
                raise ValidationError({"party_size": _("人数が定員を超えています。")})
            signup = SignUp(
                session=locked,
                user=user,
                name=name or (user.get_full_name() if user else ""),
                phone=phone or (user.phone if user else ""),
                email=email,
                party_size=party_size,
                note=note,
                proxy_by=proxy_by,
                language=language or (user.preferred_language if user else "ja"),
                status=SignUp.Status.CONFIRMED if _seat_is_free(locked, party_size) else SignUp.Status.WAITLISTED,
            )
            signup.full_clean()
            signup.save()
            mails.send_signup_mail(signup, "created")
            _tell_organizer(signup, "created")
            return signup
    except IntegrityError:
        # Another request by the same person won the race; hand back its sign-up.
        if user is None:
            raise
        return SignUp.objects.active().get(session=session, user=user)


def _promote_waitlist(session: Session) -> list[SignUp]:
    """Move waitlisted sign-ups up in order while the first in line fits (strict first come, first served)."""
    promoted = []
    for candidate in session.signups.waitlist().select_for_update():
        if not _seats_fit(session, candidate.party_size):
            break
        candidate.status = SignUp.Status.CONFIRMED
        candidate.promoted_at = timezone.now()
        candidate.save(update_fields=["status", "promoted_at"])
        promoted.append(candidate)
    for signup in promoted:
        mails.send_signup_mail(signup, "promoted")
    return promoted


def signup_cancel(*, signup: SignUp) -> SignUp:
    """Cancel a sign-up (idempotent) and let the waitlist move up."""
    with transaction.atomic():
        session = _locked_session(signup.session_id)
        current = SignUp.objects.select_for_update().get(pk=signup.pk)
        if not current.is_active:
            return current
        current.status = SignUp.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        _promote_waitlist(session)
        # Keyed by the moment: after 「元に戻す」 a second cancellation is a new mail, not a repeat of the first.
        mails.send_signup_mail(current, "cancelled", key=f"signup:{current.pk}:cancelled:{current.cancelled_at.timestamp()}")
        _tell_organizer(current, "cancelled")
        return current


# 「元に戻す」 is offered this long after a cancellation (and only while the seat is still free).
UNDO_MINUTES = 30


def signup_can_restore(signup: SignUp, *, check_seat: bool = True) -> bool:
    """Whether 「元に戻す」 may be offered: cancelled a moment ago, the session still ahead, the seat still free.

    The seat is read without a lock here (to decide what to show); signup_restore checks it again under the lock.
    """
    now = timezone.now()
    in_time = (
        signup.status == SignUp.Status.CANCELLED
        and signup.cancelled_at is not None
        and (now - signup.cancelled_at).total_seconds() <= UNDO_MINUTES * 60
        and signup.session.starts_at > now
        and not signup.session.is_cancelled
    )
    return in_time and (not check_seat or _seat_is_free(signup.session, signup.party_size))


def signup_restore(*, signup: SignUp) -> SignUp:
    """Undo a cancellation while the seat is still free: nobody moved up into it and nobody is waiting."""
    with transaction.atomic():
        session = _locked_session(signup.session_id)
        current = SignUp.objects.select_for_update().select_related("session").get(pk=signup.pk)
        if current.is_active:
            return current
        if not signup_can_restore(current, check_seat=False):
            raise ValidationError(_("キャンセルから時間がたったため、元に戻せません。もう一度お申し込みください。"))
        if not _seat_is_free(session, current.party_size):
            raise ValidationError(_("その席はすでにほかの方に移りました。申し込むとキャンセル待ちになります。"))
        current.status = SignUp.Status.CONFIRMED
        current.cancelled_at = None
        try:
            with transaction.atomic():
                current.save(update_fields=["status", "cancelled_at"])
        except IntegrityError:
            raise ValidationError(_("この回には、すでに別の申込があります。")) from None
        moment = timezone.now().timestamp()
        mails.send_signup_mail(current, "restored", key=f"signup:{current.pk}:restored:{moment}")
        _tell_organizer(current, "created", moment=moment)
        return current


def session_capacity_change(*, session: Session, capacity: int | None) -> list[SignUp]:
    """Change a session's capacity; extra seats go to the waitlist in order."""
    with transaction.atomic():
        locked = _locked_session(session.pk)
        locked.capacity = capacity
        locked.full_clean()
        locked.save(update_fields=["capacity"])
        return _promote_waitlist(locked)


def _tell_organizer(signup: SignUp, event: str, *, moment: float | None = None) -> None:
    """The organizer's members hear of it (now or in their digest); no member → 当番の区職員.

    `moment` tells a repeated event apart (a sign-up restored after a cancellation is news again).
    """
    session = signup.session
    listing = session.listing
    url = mails.absolute_url(reverse("community:session_signups", args=[listing.organization_id, session.pk]))

    def line() -> str:
        values = {"when": jdatetime(session.starts_at), "title": listing.title, "name": signup.name, "n": signup.party_size}
        if event == "cancelled":
            return _("%(name)sさん（%(n)s人）が申込をキャンセルしました：%(when)s %(title)s") % values
        return _("%(name)sさん（%(n)s人）が申し込みました：%(when)s %(title)s") % values

    organizer_notify(
        organization_id=listing.organization_id,
        template="community/mail/organizer_signup",
        context={
            "signup": signup, "session": session, "listing": listing, "event": event, "url": url,
            "admin_url": mails.absolute_url(reverse("admin:community_session_change", args=[session.pk])),
        },
        # A cancellation is keyed by its moment, like the resident's mail: after 「元に戻す」 a new one is news.
        key=f"signup:{signup.pk}:{event}:organizer"
        + (f":{signup.cancelled_at.timestamp()}" if event == "cancelled" and signup.cancelled_at else "")
        + (f":{moment}" if moment is not None else ""),
        line=line,
        url=url,
    )


def cancel_token(signup: SignUp) -> str:
    return signing.dumps(signup.pk, salt=CANCEL_SALT)


def signup_from_cancel_token(token: str) -> SignUp | None:
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return SignUp.objects.select_related("session__listing").filter(pk=pk).first()
