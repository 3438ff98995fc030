"""A small world where two residents (エミ and her neighbour ネネ) hold personal data in every app.

Every value that belongs to one of them carries her marker ("EMI-…" / "NENE-…"), so a test can search a whole
export for the other's marker and prove that nothing of hers leaked in.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from community.models import Chome, Invitation, Membership, SignUp
from community.services.signups import signup_create
from hiroba.services.consultations import consultation_create
from projects.models import Application, Call
from tests.conftest import make_listing, make_organization, make_session, make_user
from tests.volunteers.factories_college import make_cohort, make_course, make_opening, make_profile
from volunteers.models import (
    CollaboratorRegistration,
    VolunteerInvitation,
)
from volunteers.services.associations import commissioner_contact_create, join_inquiry_create
from volunteers.services.college import college_application_create
from volunteers.services.openings import opening_apply

MARKERS = ("EMI", "NENE")


def make_call() -> Call:
    today = timezone.localdate()
    return Call.objects.create(
        fiscal_year=today.year, title="地域おこしプロジェクト 募集", status=Call.Status.OPEN,
        opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=10),
    )


def past_session(listing, *, days_ago: int, capacity=None):
    from community.models import Session

    start = timezone.now() - dt.timedelta(days=days_ago)
    return Session.objects.create(
        listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2), capacity=capacity, signup_required=True,
    )


def give_data(user, marker: str, w) -> SimpleNamespace:
    """Data of every kind for `user`; each free-text value carries `marker`."""
    mine = SimpleNamespace()
    user.full_name_kana = "ねりま"
    user.phone = f"{marker}-phone"
    user.chome = Chome.objects.get(town__name="豊玉北", number=5)
    user.save()
    mine.future_signup = signup_create(session=w.future_session, user=user, note=f"{marker}-signup-note")
    mine.past_signup = SignUp.objects.create(
        session=w.past_session, user=user, name=f"{marker}-past-name", phone="03-0000-0000", note=f"{marker}-past-note",
        status=SignUp.Status.CONFIRMED,
    )
    mine.membership = Membership.objects.create(organization=w.shared_org, user=user, role=Membership.Role.EDITOR)
    mine.org_invitation = Invitation.objects.create(organization=w.other_org, email=user.email, invited_by=w.org_rep)
    mine.college = college_application_create(
        cohort=w.cohort, course=w.course, user=user, motivation=f"{marker}-motivation", availability=["weekend"],
        consent=True,
    )
    mine.profile = make_profile(user, wishes=f"{marker}-wishes", visibility="organizations")
    mine.volunteer_invitation = VolunteerInvitation.objects.create(
        organization=w.other_org, profile=mine.profile, message=f"{marker}-invitation", sent_by=w.org_rep,
    )
    mine.opening_application = opening_apply(opening=w.opening, user=user, message=f"{marker}-application")
    mine.registration = CollaboratorRegistration.objects.create(user=user, interests=["elderly"], message=f"{marker}-reg")
    mine.join_inquiry = join_inquiry_create(
        association=w.association, name=f"{marker}-inquirer", email=user.email, message=f"{marker}-join", user=user,
    )
    # Sent logged out, from her confirmed address: still hers.
    mine.join_inquiry_by_email = join_inquiry_create(
        association=w.association, name=f"{marker}-inquirer2", email=user.email.upper(), message=f"{marker}-join2",
    )
    mine.commissioner_contact = commissioner_contact_create(
        district=None, address="豊玉北5丁目", name=f"{marker}-contact", email=user.email, message=f"{marker}-commissioner",
    )
    mine.consultation = consultation_create(
        topic="elderly", message=f"{marker}-consultation", contact_method="email", name=f"{marker}-consulter",
        email=user.email,
    )
    mine.grant_application = Application.objects.create(
        call=w.call, organization=w.shared_org if marker == "EMI" else w.other_org, title=f"{marker}-grant",
        created_by=user, submitted_by=user,
    )
    return mine


@pytest.fixture
def world(db, resident, django_capture_on_commit_callbacks):
    w = SimpleNamespace()
    w.org_rep = make_user("rep@example.jp", name="代表 ロブ")
    w.shared_org = make_organization("共有の町会", name_kana="きょうゆうのちょうかい")
    Membership.objects.create(organization=w.shared_org, user=w.org_rep, role=Membership.Role.REPRESENTATIVE)
    w.other_org = make_organization("よその団体", kind="npo", name_kana="よそのだんたい")
    Membership.objects.create(organization=w.other_org, user=w.org_rep, role=Membership.Role.REPRESENTATIVE)
    w.association = w.shared_org
    listing = make_listing(w.shared_org)
    w.future_session = make_session(listing, days=7, capacity=2)
    w.past_session = past_session(listing, days_ago=30)
    w.cohort = make_cohort(intake_open=True)
    w.course = make_course(w.cohort, w.shared_org, capacity=1)
    w.opening = make_opening(w.other_org)
    w.call = make_call()
    w.emi = resident
    w.nene = make_user("nene@example.jp", name="隣人 ネネ")
    with django_capture_on_commit_callbacks(execute=True):
        w.emi_data = give_data(w.emi, "EMI", w)
        w.nene_data = give_data(w.nene, "NENE", w)
    return w

