"""マイ団体 › 専門家による経営相談: book a slot for the group, see and cancel the group's bookings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.access import get_organization_for_member
from community.models import SignUp
from projects.access import get_booking_for_member
from projects.forms.applications import ConsultationBookingForm
from projects.services import consultations as services


def _render(request, organization, *, form=None, failed_session=None, status=200):
    slots = [s for s in services.consultation_sessions() if s.is_signup_open() and not s.confirmed_people]
    bookings = (
        organization.consultation_bookings.filter(signup__status=SignUp.Status.CONFIRMED)
        .select_related("signup__session__listing__expertconsultation", "signup__session__place")
    )
    return render(request, "projects/consultations.html", {
        "organization": organization, "slots": slots, "bookings": bookings,
        "form": form or ConsultationBookingForm(), "failed_session": failed_session,
    }, status=status)


@login_required
def consultation_list(request, org_pk: int):
    organization = get_organization_for_member(request.user, org_pk)
    return _render(request, organization)


@login_required
@require_POST
def consultation_book(request, org_pk: int, session_pk: int):
    organization = get_organization_for_member(request.user, org_pk)
    session = get_object_or_404(services.consultation_sessions(), pk=session_pk)
    form = ConsultationBookingForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_book(
                organization=organization, session=session, user=request.user, topic=form.cleaned_data["topic"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("経営相談を予約しました。確認のメールをお送りしました。"))
            return redirect("projects:consultation_list", org_pk=organization.pk)
    return _render(request, organization, form=form, failed_session=session.pk, status=400)


@login_required
@require_POST
def consultation_cancel(request, org_pk: int, pk: int):
    organization, booking = get_booking_for_member(request.user, org_pk, pk)
    services.consultation_cancel(booking=booking)
    messages.success(request, _("経営相談の予約を取り消しました。"))
    return redirect("projects:consultation_list", org_pk=organization.pk)
