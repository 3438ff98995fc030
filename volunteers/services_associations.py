"""Writes for 町会・自治会, 民生・児童委員 contacts and 協働推進員 registrations (views and admin call these)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Organization
from volunteers.models import CollaboratorRegistration, CommissionerContact, CommissionerDistrict, JoinInquiry


@transaction.atomic
def join_inquiry_create(
    *,
    association: Organization,
    name: str,
    email: str = "",
    phone: str = "",
    address: str = "",
    message: str = "",
    user=None,
) -> JoinInquiry:
    """Store a 加入の問い合わせ for the association's members to answer."""
    if association.kind != Organization.Kind.NEIGHBORHOOD or not association.is_published:
        raise ValidationError(_("この団体には問い合わせできません。"))
    inquiry = JoinInquiry(
        association=association,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        address=address.strip(),
        message=message.strip(),
        user=user if user is not None and user.is_authenticated else None,
    )
    if not inquiry.email and not inquiry.phone:
        raise ValidationError({"email": _("返信先として、メールアドレスか電話番号のどちらかを入力してください。")})
    inquiry.full_clean()
    inquiry.save()
    return inquiry


@transaction.atomic
def join_inquiry_mark_answered(*, inquiry: JoinInquiry, by) -> JoinInquiry:
    """Idempotent: answering twice keeps the first answer's time and person."""
    inquiry = JoinInquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status != JoinInquiry.Status.ANSWERED:
        inquiry.status = JoinInquiry.Status.ANSWERED
        inquiry.answered_at = timezone.now()
        inquiry.answered_by = by
        inquiry.save(update_fields=["status", "answered_at", "answered_by"])
    return inquiry


@transaction.atomic
def join_inquiry_reopen(*, inquiry: JoinInquiry) -> JoinInquiry:
    inquiry.status = JoinInquiry.Status.NEW
    inquiry.answered_at = None
    inquiry.answered_by = None
    inquiry.save(update_fields=["status", "answered_at", "answered_by"])
    return inquiry


@transaction.atomic
def commissioner_contact_create(
    *,
    district: CommissionerDistrict | None,
    address: str,
    name: str,
    phone: str = "",
    email: str = "",
    message: str,
    user=None,
) -> CommissionerContact:
    """A message for the district's commissioner; ward staff read it in the admin and pass it on."""
    contact = CommissionerContact(
        district=district,
        address=address.strip(),
        name=name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        message=message.strip(),
        user=user if user is not None and user.is_authenticated else None,
    )
    if not contact.email and not contact.phone:
        raise ValidationError({"phone": _("返信先として、電話番号かメールアドレスのどちらかを入力してください。")})
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def registration_submit(
    *,
    user,
    areas,
    interests: list[str],
    weekdays: list[str],
    times: list[str],
    availability_note: str = "",
    phone: str = "",
    message: str = "",
) -> CollaboratorRegistration:
    """Create or update the resident's 協働推進員 registration; a withdrawn one starts again as new."""
    registration = (
        CollaboratorRegistration.objects.select_for_update().filter(user=user).first()
        or CollaboratorRegistration(user=user)
    )
    registration.interests = list(interests)
    registration.weekdays = list(weekdays)
    registration.times = list(times)
    registration.availability_note = availability_note.strip()
    registration.phone = phone.strip()
    registration.message = message.strip()
    if registration.status == CollaboratorRegistration.Status.WITHDRAWN:
        registration.status = CollaboratorRegistration.Status.NEW
        registration.status_changed_at = timezone.now()
    registration.full_clean()
    registration.save()
    registration.areas.set(areas)
    return registration


@transaction.atomic
def registration_withdraw(*, registration: CollaboratorRegistration) -> CollaboratorRegistration:
    return registration_set_status(registration=registration, status=CollaboratorRegistration.Status.WITHDRAWN)


@transaction.atomic
def registration_set_status(
    *, registration: CollaboratorRegistration, status: str, note: str | None = None
) -> CollaboratorRegistration:
    """The coordinator records contact and status; the first move away from 受付 stamps contacted_at."""
    if status not in CollaboratorRegistration.Status.values:
        raise ValidationError({"status": _("状況の値が正しくありません。")})
    now = timezone.now()
    fields = ["status", "status_changed_at", "contacted_at"]
    if registration.status != status:
        registration.status = status
        registration.status_changed_at = now
    if status in (CollaboratorRegistration.Status.CONTACTED, CollaboratorRegistration.Status.ACTIVE):
        registration.contacted_at = registration.contacted_at or now
    if note is not None:
        registration.coordinator_note = note
        fields.append("coordinator_note")
    registration.save(update_fields=fields)
    return registration
