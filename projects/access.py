"""Fetch-or-404 for a group's own applications and bookings, built on community.access."""

from django.shortcuts import get_object_or_404

from community.access import get_organization_for_member
from projects.models import Application, ConsultationBooking


def get_application_for_member(user, organization_id, pk):
    """(organization, application) if the user is a member of the organization that owns it, else 404."""
    organization = get_organization_for_member(user, organization_id)
    application = get_object_or_404(
        Application.objects.with_overview().filter(organization=organization), pk=pk
    )
    return organization, application


def get_booking_for_member(user, organization_id, pk):
    organization = get_organization_for_member(user, organization_id)
    booking = get_object_or_404(
        ConsultationBooking.objects.select_related("signup__session").filter(organization=organization), pk=pk
    )
    return organization, booking
