"""参加者数を記録する: walk-ins, check-ins from the list, check-ins by QR code, and the breakdowns.

Every write locks the session row first, so a QR scan at the door and the organizer saving the list at the
same moment are serialized and the stored total always equals walk-ins plus checked-in people.
"""

import datetime as dt

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Headcount, Session, SignUp
from community.models.headcounts import AGE_FIELDS, RESIDENCE_FIELDS, breakdowns_for

CHECKIN_SALT = "community.signup.checkin"
# Doors open a little before the start: people may be checked in from then on.
CHECKIN_OPENS_BEFORE = dt.timedelta(hours=2)


def checkin_token(signup: SignUp) -> str:
    """What the sign-up's QR code carries: its id, signed so that nobody can check in someone else by guessing."""
    return signing.dumps(signup.pk, salt=CHECKIN_SALT)


def signup_from_checkin_token(token: str) -> SignUp | None:
    try:
        pk = signing.loads(token, salt=CHECKIN_SALT)
    except signing.BadSignature:
        return None
    return SignUp.objects.select_related("session__listing__organization").filter(pk=pk).first()


def _check_session_open(session: Session, now: dt.datetime) -> None:
    if session.is_cancelled:
        raise ValidationError(_("中止になった回には参加者数を記録できません。"))
    if now < session.starts_at - CHECKIN_OPENS_BEFORE:
        raise ValidationError(_("開催の2時間前から参加者数を記録できます。"))


def _refresh(session: Session, *, by, now) -> Headcount:
    """Recount checked-in people into the session's headcount (made on first use)."""
    headcount, _created = Headcount.objects.get_or_create(session=session, defaults={"recorded_by": by})
    people = SignUp.objects.filter(session=session).checked_in().aggregate(n=Sum("party_size"))["n"] or 0
    headcount.checked_in = people
    headcount.total = headcount.walk_ins + people
    headcount.recorded_by = by
    headcount.recorded_at = now
    headcount.save(update_fields=["checked_in", "total", "recorded_by", "recorded_at"])
    return headcount


def signup_check_in(*, signup: SignUp, by, now: dt.datetime | None = None) -> tuple[SignUp, bool]:
    """Mark one sign-up as come; (sign-up, True) the first time, (sign-up, False) when it already was."""
    now = now or timezone.now()
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=signup.session_id)
        current = SignUp.objects.select_for_update().get(pk=signup.pk)
        if current.checked_in_at is not None:
            return current, False
        if current.status != SignUp.Status.CONFIRMED:
            raise ValidationError(_("申込済みの方だけ受付できます（キャンセル待ち・キャンセルの方は受付できません）。"))
        _check_session_open(session, now)
        current.checked_in_at = now
        current.checked_in_by = by
        current.save(update_fields=["checked_in_at", "checked_in_by"])
        _refresh(session, by=by, now=now)
        return current, True


def _clean_breakdown(listing, breakdown: dict, total: int) -> dict:
    """The breakdown fields the program asks for, each required and adding up to the total."""
    errors, values = {}, {}
    groups = []
    wanted = breakdowns_for(listing)
    if wanted.residence:
        groups.append((RESIDENCE_FIELDS, _("区内・区外の合計（%(sum)s人）が参加者数（%(total)s人）と合いません。")))
    if wanted.age_bands:
        groups.append((AGE_FIELDS, _("年代別の合計（%(sum)s人）が参加者数（%(total)s人）と合いません。")))
    for fields, mismatch in groups:
        missing = [name for name in fields if breakdown.get(name) is None]
        for name in missing:
            errors[name] = _("人数を入力してください（いなければ0）。")
        if missing:
            continue
        found = {name: int(breakdown[name]) for name in fields}
        if sum(found.values()) != total:
            errors[next(iter(fields))] = mismatch % {"sum": sum(found.values()), "total": total}
        values.update(found)
    if errors:
        raise ValidationError(errors)
    return values


def headcount_record(
    *, session: Session, walk_ins: int, checked_in_ids, breakdown: dict | None = None, by,
    now: dt.datetime | None = None,
) -> Headcount:
    """Save the organizer's count: who of the confirmed sign-ups came, how many walked in, and the breakdowns."""
    now = now or timezone.now()
    if walk_ins < 0:
        raise ValidationError({"walk_ins": _("0以上の人数を入力してください。")})
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("listing").get(pk=session.pk)
        _check_session_open(locked, now)
        confirmed = SignUp.objects.select_for_update().filter(session=locked, status=SignUp.Status.CONFIRMED)
        wanted = {int(pk) for pk in checked_in_ids}
        confirmed.filter(pk__in=wanted, checked_in_at__isnull=True).update(checked_in_at=now, checked_in_by=by)
        confirmed.exclude(pk__in=wanted).filter(checked_in_at__isnull=False).update(checked_in_at=None, checked_in_by=None)
        people = confirmed.filter(pk__in=wanted).aggregate(n=Sum("party_size"))["n"] or 0
        values = _clean_breakdown(locked.listing, breakdown or {}, walk_ins + people)
        headcount, _created = Headcount.objects.get_or_create(session=locked)
        headcount.walk_ins = walk_ins
        headcount.checked_in = people
        headcount.total = walk_ins + people
        for name in (*RESIDENCE_FIELDS, *AGE_FIELDS):
            setattr(headcount, name, values.get(name))
        headcount.recorded_by = by
        headcount.recorded_at = now
        headcount.full_clean()
        headcount.save()
        return headcount


def headcount_refresh(*, session: Session, by) -> Headcount:
    """Recount after staff changed walk-ins in the admin, so the total stays walk-ins + checked-in people."""
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        return _refresh(locked, by=by, now=timezone.now())
