"""Writes of the hiroba app: plaza activities, consultation requests, triage, access logging and retention."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hiroba import notify
from hiroba.models import (
    ConsultationAccessLog,
    ConsultationRequest,
    Plaza,
    PlazaActivity,
    RetentionSetting,
)
from hiroba.models.consultations import CONTENT_FIELDS

# No 0/O, 1/I/L: the code is read aloud over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"S-{body[:4]}-{body[4:]}"


@transaction.atomic
def plaza_set_activities(*, plaza: Plaza, activities: list[str]) -> None:
    """Make the plaza's activities exactly `activities`."""
    wanted = set(activities)
    plaza.activity_rows.exclude(activity__in=wanted).delete()
    existing = set(plaza.activity_rows.values_list("activity", flat=True))
    for activity in sorted(wanted - existing):
        row = PlazaActivity(plaza=plaza, activity=activity)
        row.full_clean()
        row.save()


def consultation_create(
    *,
    topic: str,
    message: str,
    contact_method: str,
    language: str = "ja",
    preferred_time: str = "",
    area=None,
    is_anonymous: bool = False,
    name: str = "",
    phone: str = "",
    email: str = "",
) -> ConsultationRequest:
    """Save a request from the public form; an anonymous request keeps no contact details."""
    if is_anonymous:
        name = phone = email = ""
        contact_method = ConsultationRequest.ContactMethod.NONE
    now = timezone.now()
    for _attempt in range(5):
        consultation = ConsultationRequest(
            reference=new_reference(),
            topic=topic,
            message=message,
            contact_method=contact_method,
            preferred_time=preferred_time,
            language=language,
            area=area,
            is_anonymous=is_anonymous,
            name=name,
            phone=phone,
            email=email,
            consented_at=now,
            received_at=now,
        )
        consultation.full_clean(exclude=["reference"])
        try:
            with transaction.atomic():
                consultation.save()
                notify.consultation_received(consultation)
        except IntegrityError:
            continue  # the rare reference collision: draw again
        return consultation
    raise RuntimeError("could not draw a free reference")


def consultation_assign(*, consultation: ConsultationRequest, team_changed: bool, person_changed: bool) -> None:
    """Tell the newly assigned team (each member) or person that a request is theirs (reference and link only)."""
    notify.consultation_assigned(consultation, team_changed=team_changed, person_changed=person_changed)


def consultation_log_access(*, user, consultation: ConsultationRequest | None, action: str, ip_address=None,
                            reference: str = "") -> ConsultationAccessLog:
    return ConsultationAccessLog.objects.create(
        consultation=consultation,
        reference=consultation.reference if consultation else reference,
        user=user if user is not None and user.is_authenticated else None,
        user_label=(user.get_full_name() + f" <{user.email}>") if user is not None and user.is_authenticated else "system",
        action=action,
        ip_address=ip_address,
    )


def consultation_search_content(*, user, queryset, term: str, ip_address=None) -> list[int]:
    """Requests in `queryset` whose content the user may read and that contain `term`; every match is logged.

    A match tells the searcher what a request says, so it is a read of its content like opening it.
    """
    term = term.strip()
    if not term:
        return []
    contains = Q(message__icontains=term) | Q(name__icontains=term) | Q(phone__icontains=term) | Q(email__icontains=term)
    matched = list(queryset.content_visible_to(user).filter(contains).order_by().values_list("pk", "reference"))
    label = f"{user.get_full_name()} <{user.email}>"
    ConsultationAccessLog.objects.bulk_create([
        ConsultationAccessLog(consultation_id=pk, reference=reference, user=user, user_label=label,
                              action=ConsultationAccessLog.Action.SEARCH, ip_address=ip_address)
        for pk, reference in matched
    ])
    return [pk for pk, _reference in matched]


def consultation_set_status(*, consultation: ConsultationRequest, status: str, now=None) -> None:
    """Keep closed_at in step with the status (closing starts the retention clock)."""
    consultation.status = status
    if status == ConsultationRequest.Status.CLOSED:
        consultation.closed_at = consultation.closed_at or now or timezone.now()
    else:
        consultation.closed_at = None


@transaction.atomic
def consultation_anonymize(*, consultation: ConsultationRequest, now=None) -> None:
    for field in CONTENT_FIELDS:
        setattr(consultation, field, "")
    consultation.anonymized_at = now or timezone.now()
    consultation.save(update_fields=[*CONTENT_FIELDS, "anonymized_at"])
    consultation.notes.all().delete()
    consultation_log_access(user=None, consultation=consultation, action=ConsultationAccessLog.Action.ANONYMIZE)


def consultations_apply_retention(*, now=None) -> dict[str, int]:
    """Anonymize or delete requests closed longer ago than the staff-set period. Safe to run daily."""
    now = now or timezone.now()
    setting = RetentionSetting.current()
    due = ConsultationRequest.objects.due_for_retention(now=now, years=setting.years)
    done = 0
    for consultation in due.iterator():
        if setting.action == RetentionSetting.Action.DELETE:
            with transaction.atomic():
                consultation_log_access(
                    user=None, consultation=None, reference=consultation.reference,
                    action=ConsultationAccessLog.Action.DELETE,
                )
                consultation.delete()
        else:
            consultation_anonymize(consultation=consultation, now=now)
        done += 1
    return {"action": setting.action, "count": done}
