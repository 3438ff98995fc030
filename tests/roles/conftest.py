"""One user per role of the matrix, and a request for asking the admin what that user may do."""

import pytest
from django.test import RequestFactory

from community.models import Membership
from community.roles import EDITOR, REPRESENTATIVE, RESIDENT, STAFF_ROLES
from tests.conftest import make_organization, make_user


@pytest.fixture
def role_user(staff_groups):
    """role_user(role) → a user holding that role and nothing else."""
    made = {}

    def make(role):
        if role in made:
            return made[role]
        slug = f"role{len(made)}"
        if role in STAFF_ROLES:
            user = make_user(f"{slug}@example.jp", name=f"{role} テスト", is_staff=True)
            user.groups.add(staff_groups[role])
        else:
            user = make_user(f"{slug}@example.jp", name=f"{role} テスト")
            if role in (REPRESENTATIVE, EDITOR):
                organization = make_organization(f"{role}の団体", name_kana="だんたい")
                kind = Membership.Role.REPRESENTATIVE if role == REPRESENTATIVE else Membership.Role.EDITOR
                Membership.objects.create(organization=organization, user=user, role=kind)
            else:
                assert role == RESIDENT
        made[role] = user
        return user

    return make


@pytest.fixture
def request_as():
    """request_as(user) → a GET request from that user, as the admin's permission methods see it."""

    def make(user, path="/admin/"):
        request = RequestFactory().get(path)
        request.user = user
        return request

    return make
