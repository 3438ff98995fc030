"""Organization A with a place, a listing, a session, an editor and a pending invitation (for マイ団体 tests)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from community.models import Invitation, Membership, RecurringSchedule
from tests.conftest import make_listing, make_place, make_session, make_user


@pytest.fixture
def org_a(organization, org_member):
    place = make_place("A会館", organization=organization)
    listing = make_listing(organization, place=place, title="Aの集い")
    editor = make_user("editor@example.jp", name="編集 エディ")
    editor_membership = Membership.objects.create(organization=organization, user=editor, role=Membership.Role.EDITOR)
    schedule = RecurringSchedule.objects.create(
        listing=listing, weekday=2, start_time=dt.time(14), end_time=dt.time(16), valid_from=dt.date(2026, 1, 1)
    )
    return SimpleNamespace(
        organization=organization,
        representative=org_member,
        representative_membership=Membership.objects.get(user=org_member, organization=organization),
        editor=editor,
        editor_membership=editor_membership,
        place=place,
        listing=listing,
        session=make_session(listing, capacity=10),
        schedule=schedule,
        invitation=Invitation.objects.create(organization=organization, email="new@example.jp", invited_by=org_member),
    )


@pytest.fixture
def org_b(other_organization, other_org_member):
    place = make_place("B会館", town="光が丘", number=2, organization=other_organization)
    return SimpleNamespace(
        organization=other_organization,
        member=other_org_member,
        place=place,
        listing=make_listing(other_organization, place=place, title="Bの集い"),
    )
