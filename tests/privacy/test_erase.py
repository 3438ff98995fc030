"""Deleting the account removes or anonymizes exactly what the confirmation page promises."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError

from community.models import Invitation, Membership, SignUp, User
from community.personal_data import ANONYMIZED_NAME, account_erase, account_erase_refusals
from community.services.signups import signup_create
from hiroba.models import ConsultationAccessLog, ConsultationRequest
from projects.models import Application
from tests.conftest import make_user
from volunteers.models import (
    ClassAttendance,
    CollaboratorRegistration,
    CollegeApplication,
    CommissionerContact,
    JoinInquiry,
    OpeningApplication,
    VolunteerInvitation,
    VolunteerProfile,
)

PASSWORD = "pass-word-123"


@pytest.fixture
def erase_emi(world, django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            account_erase(user=world.emi, password=PASSWORD)
    return run


def test_the_account_and_its_addresses_are_gone(world, erase_emi):
    emi_pk = world.emi.pk
    erase_emi()

    assert not User.objects.filter(pk=emi_pk).exists()
    assert not EmailAddress.objects.filter(email__iexact="resident@example.jp").exists()


def test_a_future_sign_up_is_cancelled_and_the_waitlist_moves_up(world, erase_emi):
    third = make_user("third@example.jp", name="三番目 サン")
    waiting = signup_create(session=world.future_session, user=third)
    assert waiting.status == SignUp.Status.WAITLISTED

    erase_emi()

    cancelled = SignUp.objects.get(pk=world.emi_data.future_signup.pk)
    assert cancelled.status == SignUp.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    # The neighbour was told she moved up; Emi got the cancellation at her address, and no mail saying
    # that she was removed from the organization she left herself.
    sent = [(message.to[0], message.subject) for message in mail.outbox]
    assert any(to == "third@example.jp" and "繰り上がりました" in subject for to, subject in sent)
    assert any(to == "resident@example.jp" and "キャンセルしました" in subject for to, subject in sent)
    assert not any("メンバーから外れました" in subject for _to, subject in sent)


def test_her_sign_ups_are_kept_for_the_seat_count_without_her_name(world, erase_emi):
    erase_emi()

    for pk in (world.emi_data.future_signup.pk, world.emi_data.past_signup.pk):
        signup = SignUp.objects.get(pk=pk)
        assert (signup.user_id, signup.name, signup.phone, signup.email, signup.note) == (None, ANONYMIZED_NAME, "", "", "")
    past = SignUp.objects.get(pk=world.emi_data.past_signup.pk)
    assert (past.status, past.party_size) == (SignUp.Status.CONFIRMED, 1)


def test_memberships_and_invitations_to_her_address_are_removed(world, erase_emi):
    erase_emi()

    assert not Membership.objects.filter(pk=world.emi_data.membership.pk).exists()
    assert not Invitation.objects.filter(pk=world.emi_data.org_invitation.pk).exists()
    # The organization keeps its 代表者.
    assert Membership.objects.filter(organization=world.shared_org, user=world.org_rep).exists()


def test_volunteer_records_are_deleted(world, erase_emi):
    mine = world.emi_data
    erase_emi()

    assert not CollegeApplication.objects.filter(pk=mine.college.pk).exists()
    assert not VolunteerProfile.objects.filter(pk=mine.profile.pk).exists()
    assert not VolunteerInvitation.objects.filter(pk=mine.volunteer_invitation.pk).exists()
    assert not OpeningApplication.objects.filter(pk=mine.opening_application.pk).exists()
    assert not CollaboratorRegistration.objects.filter(pk=mine.registration.pk).exists()
    assert not JoinInquiry.objects.filter(pk__in=[mine.join_inquiry.pk, mine.join_inquiry_by_email.pk]).exists()
    assert not CommissionerContact.objects.filter(pk=mine.commissioner_contact.pk).exists()


def test_her_volunteer_hours_stay_with_the_organization_without_her(world, erase_emi):
    from volunteers.models import VolunteerHours

    erase_emi()
    kept = VolunteerHours.objects.get(pk=world.emi_data.hours.pk)
    assert kept.user_id is None and kept.note == "" and kept.hours == 2
    assert VolunteerHours.objects.get(pk=world.nene_data.hours.pk).note == "NENE-hours"


def test_an_enrolled_college_student_declines_so_the_waitlisted_moves_up(world, erase_emi):
    from tests.volunteers.factories_college import make_college_application

    CollegeApplication.objects.filter(pk=world.emi_data.college.pk).update(status="enrolled", draw_position=1)
    CollegeApplication.objects.filter(pk=world.nene_data.college.pk).update(status="waitlisted", draw_position=2)
    attendance = ClassAttendance.objects.create(session=world.future_session, application=world.emi_data.college)
    make_college_application(world.course, status="not_completed")  # someone else, untouched

    erase_emi()

    assert CollegeApplication.objects.get(pk=world.nene_data.college.pk).status == CollegeApplication.Status.ENROLLED
    assert not ClassAttendance.objects.filter(pk=attendance.pk).exists()


def test_her_consultation_is_anonymized_and_the_anonymization_logged(world, erase_emi):
    erase_emi()

    consultation = ConsultationRequest.objects.get(pk=world.emi_data.consultation.pk)
    assert (consultation.message, consultation.name, consultation.email, consultation.phone) == ("", "", "", "")
    assert consultation.anonymized_at is not None
    assert consultation.reference == world.emi_data.consultation.reference
    assert ConsultationAccessLog.objects.filter(consultation=consultation, action="anonymize").exists()


def test_grant_applications_stay_with_the_organization_without_her_name(world, erase_emi):
    erase_emi()

    application = Application.objects.get(pk=world.emi_data.grant_application.pk)
    assert (application.created_by_id, application.submitted_by_id) == (None, None)
    assert application.title == "EMI-grant"


def test_the_neighbours_data_is_untouched(world, erase_emi):
    mine = world.nene_data
    erase_emi()

    assert SignUp.objects.get(pk=mine.future_signup.pk).note == "NENE-signup-note"
    assert SignUp.objects.get(pk=mine.past_signup.pk).name == "NENE-past-name"
    assert CollegeApplication.objects.filter(pk=mine.college.pk).exists()
    assert VolunteerProfile.objects.filter(pk=mine.profile.pk).exists()
    assert OpeningApplication.objects.filter(pk=mine.opening_application.pk).exists()
    assert CollaboratorRegistration.objects.filter(pk=mine.registration.pk).exists()
    assert JoinInquiry.objects.filter(user=world.nene).count() == 1
    assert CommissionerContact.objects.filter(pk=mine.commissioner_contact.pk).exists()
    assert ConsultationRequest.objects.get(pk=mine.consultation.pk).message == "NENE-consultation"
    assert Invitation.objects.filter(pk=mine.org_invitation.pk).exists()


def test_a_wrong_password_erases_nothing(world):
    with pytest.raises(ValidationError) as error:
        account_erase(user=world.emi, password="wrong-password")

    assert "password" in error.value.error_dict
    assert User.objects.filter(pk=world.emi.pk).exists()
    assert SignUp.objects.get(pk=world.emi_data.past_signup.pk).name == "EMI-past-name"


def test_an_empty_password_is_refused(world):
    with pytest.raises(ValidationError):
        account_erase(user=world.emi, password="")


def test_the_last_representative_is_refused_until_they_hand_over(world):
    Membership.objects.filter(pk=world.emi_data.membership.pk).update(role=Membership.Role.REPRESENTATIVE)
    Membership.objects.filter(organization=world.shared_org, user=world.org_rep).update(role=Membership.Role.EDITOR)

    refusals = account_erase_refusals(user=world.emi)
    assert len(refusals) == 1 and "共有の町会" in refusals[0]
    with pytest.raises(ValidationError):
        account_erase(user=world.emi, password=PASSWORD)
    assert User.objects.filter(pk=world.emi.pk).exists()
    assert SignUp.objects.get(pk=world.emi_data.future_signup.pk).status == SignUp.Status.CONFIRMED

    # Once another member is 代表者 too, she may go.
    Membership.objects.filter(organization=world.shared_org, user=world.org_rep).update(role=Membership.Role.REPRESENTATIVE)
    assert account_erase_refusals(user=world.emi) == []


def test_one_of_two_representatives_may_leave(world, erase_emi):
    Membership.objects.filter(pk=world.emi_data.membership.pk).update(role=Membership.Role.REPRESENTATIVE)

    erase_emi()

    members = set(world.shared_org.memberships.values_list("user_id", flat=True))
    assert members == {world.org_rep.pk, world.nene.pk}


def test_staff_accounts_are_not_deleted_here(staff):
    assert account_erase_refusals(user=staff)
    with pytest.raises(ValidationError):
        account_erase(user=staff, password=PASSWORD)
    assert User.objects.filter(pk=staff.pk).exists()


def test_a_reviewer_with_score_sheets_is_refused(world):
    from projects.models import Score

    Score.objects.create(
        application=world.nene_data.grant_application, reviewer=world.emi, need_points=3, feasibility_points=3,
        impact_points=3, sustainability_points=3, budget_points=3,
    )

    assert any("審査票" in message for message in account_erase_refusals(user=world.emi))
