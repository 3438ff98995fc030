"""A guard: every link from a portal record to an account is known to the personal-data registry.

When someone adds a model that points at a user, this test fails until they decide whether it is the
resident's own data (then export and erase it in their app's personal_data.py) or a trace of someone acting
for an organization or the ward (then it must let go of the account when the account is deleted).
"""

from django.apps import apps
from django.conf import settings
from django.db import models

from community.roles import PORTAL_APPS

# The resident's own records: exported and erased by the registry (see tests/privacy/test_export.py).
OWN_DATA = {
    "community.Membership.user",
    "community.SignUp.user",
    "volunteers.CollaboratorRegistration.user",
    "volunteers.CollegeApplication.user",
    "volunteers.CommissionerContact.user",
    "volunteers.JoinInquiry.user",
    "volunteers.OpeningApplication.user",
    "volunteers.VolunteerProfile.user",
    "volunteers.VolunteerHours.user",
    "volunteers.MatchingReport.user",  # a proxy of OpeningApplication
    "projects.Application.created_by",
    "projects.Application.submitted_by",
}
# Someone acting for an organization or the ward: the record is theirs to keep; the link is cut on deletion.
ACTING = {
    "community.Invitation.invited_by",
    "community.Invitation.accepted_by",
    "community.PersonalDataAccess.user",
    "community.SignUp.proxy_by",
    "community.SignUp.checked_in_by",
    "community.Headcount.recorded_by",
    "community.PhoneCall.done_by",
    "volunteers.JoinInquiry.answered_by",
    "volunteers.JoinInquiry.outcome_by",
    "volunteers.VolunteerHours.decided_by",
    "volunteers.ClassAttendance.recorded_by",
    "volunteers.VolunteerInvitation.sent_by",
    "hiroba.ConsultationRequest.assigned_to",
    "hiroba.ConsultationNote.author",
    "hiroba.ConsultationAccessLog.user",
    "projects.Application.decided_by",
}
# Staff-only links: staff accounts are never deleted from 自分のデータ (see erase_refusals).
STAFF_ONLY = {
    "volunteers.CoordinatorTeam.members",
    "volunteers.CoordinatorAssignment.user",
    "hiroba.ConsultationTeam.members",
    "projects.Score.reviewer",  # PROTECT: a reviewer is refused in projects.personal_data.erase_refusals
}


def _links_to_users():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model is user_model:
                yield model, field


def test_every_link_to_an_account_is_classified():
    found = {
        f"{model._meta.label}.{field.name}"
        for model, field in _links_to_users()
        if field.name != "history_user"  # simple-history's "who edited": SET_NULL, see below
    }

    assert found == OWN_DATA | ACTING | STAFF_ONLY, "classify the new link and handle it in <app>/personal_data.py"


def test_links_that_are_not_erased_let_go_of_the_account():
    for model, field in _links_to_users():
        label = f"{model._meta.label}.{field.name}"
        if label in ACTING or field.name == "history_user":
            assert field.remote_field.on_delete is models.SET_NULL, label
