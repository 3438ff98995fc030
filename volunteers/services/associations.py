"""Writes for 町会・自治会, 民生・児童委員 contacts and 協働推進員 registrations (views and admin call these)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.mails import absolute_url, send_templated_mail
from community.models import Organization
from community.notify import people_notify, receipt_send, recipients_choose
from community.services.member_mail import member_recipients
from community.services.notices import organizer_notify
from volunteers import recipients
from volunteers.models import (
    AssociationActivity,
    AssociationPhoto,
    AssociationProfile,
    CollaboratorRegistration,
    CommissionerContact,
    CommissionerDistrict,
    CoordinatorAssignment,
    CoordinatorTeam,
    JoinInquiry,
)

# --- who is told ----------------------------------------------------------------------------------
# Mails carry a name and a link only: the reader logs in to see contact details and messages.


def _mail_users(users, *, template: str, context: dict) -> None:
    """One mail per distinct address, each in the recipient's own language."""
    seen: set[str] = set()
    for user in users:
        address = (user.email or "").lower()
        if not address or address in seen:
            continue
        seen.add(address)
        send_templated_mail(
            template=f"volunteers/mail/{template}",
            to=user.email,
            language=user.preferred_language,
            context={**context, "recipient": user},
        )


def coordinators_for_areas(area_ids) -> list:
    """The coordinators assigned to the teams of these areas (each once)."""
    assignments = CoordinatorAssignment.objects.filter(team__area_id__in=list(area_ids), user__is_active=True)
    return [a.user for a in assignments.select_related("user").order_by("user_id").distinct()]


def _send_join_inquiry_mail(inquiry: JoinInquiry) -> None:
    """To the association's members (now or in their digest), else the area's coordinators; a receipt to the sender."""
    association = inquiry.association
    has_members = member_recipients(association.pk) != []
    url = absolute_url(reverse("volunteers:my_inquiries", args=[association.pk]))
    organizer_notify(
        organization_id=association.pk,
        template="volunteers/mail/join_inquiry_received",
        context={
            "inquiry": inquiry, "association": association, "url": url,
            "admin_url": absolute_url(reverse("admin:volunteers_joininquiry_change", args=[inquiry.pk])),
        },
        key=f"join-inquiry:{inquiry.pk}:received",
        line=lambda: _("%(name)sさんから加入の問い合わせが届きました（受付番号 %(reference)s）")
        % {"name": inquiry.name, "reference": inquiry.reference},
        url=url,
        fallback=[lambda: recipients.coordinator_team_recipients(association.area_id)],
    )
    receipt_send(
        to=inquiry.email,
        language=translation.get_language() or "ja",
        receipt=recipients.join_inquiry_receipt(inquiry, has_members=has_members),
        template="volunteers/mail/join_inquiry_receipt",
        context={"inquiry": inquiry, "association": association},
        key=f"join-inquiry:{inquiry.pk}",
    )


def _send_commissioner_contact_mail(contact: CommissionerContact) -> None:
    """To 区職員 (they pass it to the commissioner), else 当番の区職員; a receipt to the sender."""
    url = absolute_url(reverse("admin:volunteers_commissionercontact_change", args=[contact.pk]))
    people_notify(
        recipients_choose(recipients.ward_staff_recipients),
        template="volunteers/mail/commissioner_contact_received",
        context={"contact": contact, "url": url},
        key=f"commissioner-contact:{contact.pk}:received",
    )
    receipt_send(
        to=contact.email,
        language=translation.get_language() or "ja",
        receipt=recipients.commissioner_contact_receipt(contact),
        template="volunteers/mail/commissioner_contact_receipt",
        context={"contact": contact},
        key=f"commissioner-contact:{contact.pk}",
    )


def _send_registration_mail(registration: CollaboratorRegistration, area_ids: list[int]) -> None:
    url = absolute_url(reverse("admin:volunteers_collaboratorregistration_change", args=[registration.pk]))
    teams = list(CoordinatorTeam.objects.filter(area_id__in=area_ids).select_related("area"))
    _mail_users(
        coordinators_for_areas(area_ids),
        template="collaborator_registered",
        context={"registration": registration, "person": registration.user, "teams": teams, "url": url},
    )


def _send_status_mail(registration: CollaboratorRegistration) -> None:
    url = absolute_url(reverse("volunteers:collaborator_mine"))
    _mail_users(
        [registration.user], template="collaborator_status", context={"registration": registration, "url": url}
    )


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
    _send_join_inquiry_mail(inquiry)
    return inquiry


@transaction.atomic
def association_profile_update(
    *,
    profile: AssociationProfile,
    activities: list[str],
    new_photo=None,
    new_photo_alt: str = "",
    remove_photos=(),
) -> AssociationProfile:
    """Save what the association's members edit: the text fields, activities and photos (町丁目 stay as they are).

    A kept activity keeps its note; a new one starts without. Photos arrive already verified (VerifiedImageField).
    """
    if profile.organization.kind != Organization.Kind.NEIGHBORHOOD:
        raise ValidationError(_("町会・自治会だけが紹介を編集できます。"))
    if any(kind not in AssociationActivity.Kind.values for kind in activities):
        raise ValidationError({"activities": _("活動の値が正しくありません。")})
    profile.full_clean(exclude=["organization"])
    profile.save()
    profile.activities.exclude(kind__in=activities).delete()
    existing = set(profile.activities.values_list("kind", flat=True))
    AssociationActivity.objects.bulk_create(
        [AssociationActivity(profile=profile, kind=kind) for kind in activities if kind not in existing]
    )
    removed = [photo.pk for photo in remove_photos if photo.profile_id == profile.pk]
    for photo in AssociationPhoto.objects.filter(pk__in=removed):
        photo.delete()
        # The file goes only once the rows are gone for good.
        transaction.on_commit(lambda name=photo.image.name, storage=photo.image.storage: storage.delete(name))
    if new_photo:
        last = profile.photos.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
        photo = AssociationPhoto(profile=profile, image=new_photo, alt_text=new_photo_alt.strip(), sort_order=last + 1)
        photo.full_clean()
        photo.save()
    return profile


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
def join_inquiry_set_outcome(*, inquiry: JoinInquiry, outcome: str, by) -> JoinInquiry:
    """Record what came of an inquiry (加入した / 見送り / 連絡つかず); "" clears it. A known outcome means it was
    answered, so an unanswered inquiry is marked answered too."""
    if outcome and outcome not in JoinInquiry.Outcome.values:
        raise ValidationError({"outcome": _("結果を選んでください。")})
    inquiry = JoinInquiry.objects.select_for_update().get(pk=inquiry.pk)
    now = timezone.now()
    inquiry.outcome = outcome
    inquiry.outcome_at = now if outcome else None
    inquiry.outcome_by = by if outcome else None
    fields = ["outcome", "outcome_at", "outcome_by"]
    if outcome and inquiry.status != JoinInquiry.Status.ANSWERED:
        inquiry.status, inquiry.answered_at, inquiry.answered_by = JoinInquiry.Status.ANSWERED, now, by
        fields += ["status", "answered_at", "answered_by"]
    inquiry.save(update_fields=fields)
    return inquiry


def join_inquiry_answer(*, inquiry: JoinInquiry, by, answer: str) -> JoinInquiry:
    """Answer the resident (by mail when they gave an address) and mark the inquiry answered, in one step."""
    answered = join_inquiry_mark_answered(inquiry=inquiry, by=by)
    office, phone, hours = recipients.team_office(answered.association.area)
    send_templated_mail(
        template="volunteers/mail/join_inquiry_answer",
        to=answered.email,
        language="ja",
        context={"inquiry": answered, "association": answered.association, "answer": answer,
                 "office": office, "phone": phone, "hours": hours},
        key=f"join-inquiry:{answered.pk}:answer:{timezone.now():%Y%m%d%H%M%S%f}",
    )
    return answered


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
    _send_commissioner_contact_mail(contact)
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
    """Create or update the resident's 協働推進員 registration; a withdrawn one starts again as new.

    The coordinators of the chosen areas are mailed when a registration is new (or starts again), not on updates.
    """
    registration = (
        CollaboratorRegistration.objects.select_for_update().filter(user=user).first()
        or CollaboratorRegistration(user=user)
    )
    is_new = registration.pk is None or registration.status == CollaboratorRegistration.Status.WITHDRAWN
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
    if is_new:
        area_ids = [area.pk for area in areas]
        _send_registration_mail(registration, area_ids)
    return registration


@transaction.atomic
def registration_withdraw(*, registration: CollaboratorRegistration) -> CollaboratorRegistration:
    # The resident withdrew it themselves: no status mail.
    return registration_set_status(
        registration=registration, status=CollaboratorRegistration.Status.WITHDRAWN, notify=False
    )


@transaction.atomic
def registration_set_status(
    *, registration: CollaboratorRegistration, status: str, note: str | None = None, notify: bool = True
) -> CollaboratorRegistration:
    """The coordinator records contact and status; the first move away from 受付 stamps contacted_at.

    The resident is mailed once per real change of status (the row lock keeps two saves from both mailing).
    """
    if status not in CollaboratorRegistration.Status.values:
        raise ValidationError({"status": _("状況の値が正しくありません。")})
    locked = CollaboratorRegistration.objects.select_for_update().get(pk=registration.pk)
    registration.status, registration.contacted_at = locked.status, locked.contacted_at
    now = timezone.now()
    fields = ["status", "status_changed_at", "contacted_at"]
    if registration.status != status:
        registration.status = status
        registration.status_changed_at = now
        if notify:
            changed = registration
            _send_status_mail(changed)
    if status in (CollaboratorRegistration.Status.CONTACTED, CollaboratorRegistration.Status.ACTIVE):
        registration.contacted_at = registration.contacted_at or now
    if note is not None:
        registration.coordinator_note = note
        fields.append("coordinator_note")
    registration.save(update_fields=fields)
    return registration
