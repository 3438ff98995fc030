"""Every admin page of ours opens for ward staff (changelists, add forms, a change form with data)."""

import pytest
from django.urls import reverse

from tests.volunteers.factories_associations import (
    make_association,
    make_commissioner,
    make_district,
    make_inquiry,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "associationprofile", "joininquiry", "resource", "commissionerdistrict", "commissioner", "commissionercontact",
    "coordinatorteam", "collaboratorregistration", "nposupportmenu",
    "nposeminar", "groupprofile",
]


@pytest.mark.parametrize("model", MODELS)
def test_staff_open_the_changelist_and_add_form(client, staff, model):
    profile = make_association()
    make_inquiry(profile.organization)
    make_commissioner(make_district())
    client.force_login(staff)

    assert client.get(reverse(f"admin:volunteers_{model}_changelist")).status_code == 200
    add = client.get(reverse(f"admin:volunteers_{model}_add"))
    assert add.status_code == (403 if model == "collaboratorregistration" else 200)


def test_staff_open_an_association_and_a_commissioner(client, staff):
    profile = make_association()
    commissioner = make_commissioner(make_district())
    client.force_login(staff)

    assert client.get(reverse("admin:volunteers_associationprofile_change", args=[profile.pk])).status_code == 200
    html = client.get(reverse("admin:volunteers_commissioner_change", args=[commissioner.pk])).content.decode()
    assert "主任児童委員" in html and "連携している地域の団体" in html


def test_coordinators_open_the_registration_list(client, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("admin:volunteers_collaboratorregistration_changelist")).status_code == 200
