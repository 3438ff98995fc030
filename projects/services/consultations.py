"""Booking an expert consultation slot for a group, through the kernel's sign-up engine."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from community.models import Session, SignUp
from community.services.signups import signup_cancel, signup_create
from projects.models import ConsultationBooking, ExpertConsultation


def consultation_sessions():
    """Upcoming slots of every expert consultation, with the expert and venue."""
    return (
        Session.objects.upcoming()
        .filter(listing__kind=ExpertConsultation._meta.label_lower)
        .select_related("listing__expertconsultation", "place", "listing__place")
        .with_counts()
    )


def consultation_book(*, organization, session: Session, user, topic: str) -> ConsultationBooking:
    """Take the slot for this group; a slot somebody else took first is refused, never waitlisted."""
    if not topic.strip():
        raise ValidationError({"topic": _("相談したいことを入力してください。")})
    if session.listing.kind != ExpertConsultation._meta.label_lower:
        raise ValidationError(_("この回は経営相談の枠ではありません。"))
    with transaction.atomic():
        signup = signup_create(session=session, user=user, note=organization.name)
        if signup.status != SignUp.Status.CONFIRMED:
            # Rolls back the waitlist entry too: a consultation slot is for one group only.
            raise ValidationError(_("この枠はほかの団体が予約しました。別の日時を選んでください。"))
        if hasattr(signup, "consultation_booking"):
            return signup.consultation_booking
        booking = ConsultationBooking(organization=organization, signup=signup, topic=topic.strip())
        booking.full_clean()
        booking.save()
        return booking


def consultation_cancel(*, booking: ConsultationBooking) -> None:
    signup_cancel(signup=booking.signup)
