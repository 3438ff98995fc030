"""活動時間: the volunteer reports, the organization confirms or returns (the figures count confirmed hours only)."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Organization
from volunteers.models import OpeningApplication, VolunteerHours, VolunteerInvitation

# Reports older than this are refused: the organization could no longer check them.
REPORTABLE_DAYS = 365


def activities_for(user) -> list[tuple[Organization, object]]:
    """Where `user` may report hours: (organization, opening or None) for each acceptance, newest first."""
    found: dict[tuple[int, int | None], tuple] = {}
    applications = (
        OpeningApplication.objects.accepted().filter(user=user).select_related("opening__organization")
        .order_by("-decided_at", "-pk")
    )
    for application in applications:
        found.setdefault((application.opening.organization_id, application.opening_id),
                         (application.opening.organization, application.opening))
    invitations = (
        VolunteerInvitation.objects.accepted().filter(profile__user=user).select_related("organization", "opening")
        .order_by("-responded_at", "-pk")
    )
    for invitation in invitations:
        found.setdefault((invitation.organization_id, invitation.opening_id), (invitation.organization, invitation.opening))
    return list(found.values())


def _hours(value) -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({"hours": _("時間は数字で入力してください（例: 1.5）。")}) from None
    if hours <= 0 or hours > 24 or hours * 2 != (hours * 2).to_integral_value():
        raise ValidationError({"hours": _("0.5時間きざみで、24時間までの時間を入力してください。")})
    return hours


def hours_report(*, user, organization, opening=None, activity_on: dt.date, hours, note: str = "") -> VolunteerHours:
    """The volunteer reports the hours of one activity for an organization that accepted them."""
    allowed = {(org.pk, op.pk if op else None) for org, op in activities_for(user)}
    if (organization.pk, opening.pk if opening else None) not in allowed:
        raise ValidationError({"activity": _("受け入れが決まった団体の活動だけ記録できます。")})
    today = timezone.localdate()
    if activity_on > today:
        raise ValidationError({"activity_on": _("これからの日の活動は記録できません。")})
    if activity_on < today - dt.timedelta(days=REPORTABLE_DAYS):
        raise ValidationError({"activity_on": _("1年以上前の活動は記録できません。")})
    entry = VolunteerHours(
        user=user, organization=organization, opening=opening, activity_on=activity_on, hours=_hours(hours),
        note=note.strip(),
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def hours_decide(*, entry: VolunteerHours, confirm: bool, by) -> VolunteerHours:
    """The organization confirms the hours (they count) or returns them (they do not); deciding again overrides."""
    entry = VolunteerHours.objects.select_for_update().get(pk=entry.pk)
    entry.status = VolunteerHours.Status.CONFIRMED if confirm else VolunteerHours.Status.RETURNED
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["status", "decided_by", "decided_at"])
    return entry


@transaction.atomic
def hours_withdraw(*, entry: VolunteerHours) -> None:
    """The volunteer deletes a report the organization has not confirmed yet."""
    entry = VolunteerHours.objects.select_for_update().get(pk=entry.pk)
    if entry.status == VolunteerHours.Status.CONFIRMED:
        raise ValidationError(_("確認済みの記録は取り消せません。団体にご連絡ください。"))
    entry.delete()
