"""Nobody widens their own rights: a coordinator and a 区職員 try to make themselves superuser, to join a
consultation team or an area, to change another staff member's e-mail; all refused, nothing changed."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from community.models import Membership, User
from community.roles import WARD_STAFF
from hiroba.models import ConsultationTeam
from tests.conftest import make_user
from volunteers.models import CoordinatorAssignment, CoordinatorTeam

pytestmark = pytest.mark.django_db


def user_form(user, **changes) -> dict:
    """What the user admin's form posts for `user`, with `changes` on top (rights fields included as typed)."""
    data = {
        "email": user.email, "full_name": user.full_name, "full_name_kana": "", "phone": "", "chome": "",
        "languages": "[]", "interests": "[]", "preferred_language": "ja",
    }
    data.update(changes)
    return data


ESCALATION = {"is_superuser": "on", "is_staff": "on", "is_active": "on"}


def rights(user) -> tuple:
    user.refresh_from_db()
    return (user.is_superuser, user.is_staff, user.is_active, sorted(user.groups.values_list("name", flat=True)),
            user.user_permissions.count(), user.email)


def test_a_coordinator_cannot_make_themselves_superuser(client, coordinator, staff_groups):
    before = rights(coordinator)
    client.force_login(coordinator)
    url = reverse("admin:community_user_change", args=[coordinator.pk])
    response = client.post(url, user_form(coordinator, **ESCALATION, groups=[staff_groups[WARD_STAFF].pk]))
    assert response.status_code == 403
    assert rights(coordinator) == before


def test_ward_staff_cannot_make_themselves_superuser_or_join_a_group(client, staff, staff_groups):
    before = rights(staff)
    client.force_login(staff)
    url = reverse("admin:community_user_change", args=[staff.pk])
    everything = [g.pk for g in staff_groups.values()]
    response = client.post(url, user_form(staff, full_name="区職員 アリス（改）", **ESCALATION, groups=everything,
                                          user_permissions=["1", "2"], email="other@example.jp"))
    assert response.status_code == 302  # the name is saved; the rest was never in the form
    assert rights(staff) == before
    assert staff.full_name == "区職員 アリス（改）"


def test_a_superuser_cannot_change_their_own_rights_either(client, staff_groups):
    boss = make_user("boss@example.jp", name="管理者", is_staff=True, is_superuser=True)
    client.force_login(boss)
    response = client.get(reverse("admin:community_user_change", args=[boss.pk]))
    form = response.context["adminform"].form
    assert not {"is_superuser", "is_staff", "is_active", "groups", "user_permissions"} & set(form.fields)


@pytest.mark.parametrize("persona", ["staff", "coordinator"])
def test_nobody_but_a_superuser_changes_another_staff_members_email(persona, client, request, staff_groups):
    actor = request.getfixturevalue(persona)
    target = make_user("target@example.jp", name="職員 ターゲット", is_staff=True)
    client.force_login(actor)
    response = client.post(reverse("admin:community_user_change", args=[target.pk]),
                           user_form(target, email="attacker@example.jp"))
    assert response.status_code in (302, 403)
    target.refresh_from_db()
    assert target.email == "target@example.jp"
    assert not EmailAddress.objects.filter(email="attacker@example.jp").exists()


def test_a_superuser_changes_a_users_email_and_the_old_address_no_longer_signs_in(client, staff):
    boss = make_user("boss@example.jp", name="管理者", is_staff=True, is_superuser=True)
    client.force_login(boss)
    data = user_form(staff, email="new-staff@example.jp", is_staff="on", is_active="on",
                     groups=list(staff.groups.values_list("pk", flat=True)))
    response = client.post(reverse("admin:community_user_change", args=[staff.pk]), data)
    assert response.status_code == 302
    assert list(EmailAddress.objects.filter(user=staff).values_list("email", "verified", "primary")) == [
        ("new-staff@example.jp", True, True)
    ]
    assert not client.login(email="staff@example.jp", password="pass-word-123")


@pytest.mark.parametrize("persona", ["staff", "coordinator"])
def test_nobody_adds_themselves_to_a_consultation_team(persona, client, request):
    actor = request.getfixturevalue(persona)
    team = ConsultationTeam.objects.create(name="福祉部 相談係")
    client.force_login(actor)
    response = client.post(reverse("admin:hiroba_consultationteam_change", args=[team.pk]),
                           {"name": team.name, "description": "", "members": [actor.pk]})
    assert not team.members.exists()
    if persona == "staff":
        assert response.status_code == 200
        assert "自分自身を加えたり" in response.content.decode()
    else:
        assert response.status_code == 403


def test_ward_staff_add_others_to_a_team_but_not_take_themselves_off(client, staff, coordinator):
    team = ConsultationTeam.objects.create(name="福祉部 相談係")
    team.members.add(staff)
    client.force_login(staff)
    url = reverse("admin:hiroba_consultationteam_change", args=[team.pk])
    response = client.post(url, {"name": team.name, "description": "", "members": [coordinator.pk]})
    assert response.status_code == 200 and set(team.members.all()) == {staff}
    response = client.post(url, {"name": team.name, "description": "", "members": [staff.pk, coordinator.pk]})
    assert response.status_code == 302 and set(team.members.all()) == {staff, coordinator}


def inline_form(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def test_a_coordinator_cannot_assign_themselves_to_another_area(client, coordinator):
    from community.models import Area

    team = CoordinatorTeam.objects.create(area=Area.objects.get(slug="oizumi"), name="大泉", office="窓口", phone="03")
    client.force_login(coordinator)
    data = {"area": team.area_id, "name": team.name, "office": team.office, "phone": team.phone, "email": "",
            "hours": "", **inline_form("assignments", [{"user": coordinator.pk, "since": "2026-04-01"}])}
    assert client.post(reverse("admin:volunteers_coordinatorteam_change", args=[team.pk]), data).status_code == 403
    assert not CoordinatorAssignment.objects.exists()


def test_ward_staff_cannot_assign_themselves_as_an_areas_coordinator(client, staff, staff_groups):
    from community.models import Area
    from community.roles import COORDINATOR

    staff.groups.add(staff_groups[COORDINATOR])  # a 区職員 who is also a coordinator
    team = CoordinatorTeam.objects.create(area=Area.objects.get(slug="oizumi"), name="大泉", office="窓口", phone="03")
    client.force_login(staff)
    data = {"area": team.area_id, "name": team.name, "office": team.office, "phone": team.phone, "email": "",
            "hours": "", **inline_form("assignments", [{"user": staff.pk, "since": "2026-04-01"}])}
    response = client.post(reverse("admin:volunteers_coordinatorteam_change", args=[team.pk]), data)
    assert response.status_code == 200 and "自分自身を加えたり" in response.content.decode()
    assert not CoordinatorAssignment.objects.exists()


def test_staff_cannot_make_themselves_a_member_of_an_organization(client, staff, organization):
    client.force_login(staff)
    url = reverse("admin:community_organization_change", args=[organization.pk])
    page = client.get(url)
    data = {key: value for key, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update({"area": "", "logo": "", **inline_form("memberships", [{"user": staff.pk, "role": "representative"}])})
    data = {k: v for k, v in data.items() if not isinstance(v, (list,))}
    response = client.post(url, data)
    assert response.status_code == 200 and "自分自身を加えたり" in response.content.decode()
    assert not Membership.objects.filter(user=staff).exists()


def test_ward_staff_may_not_open_groups_or_add_accounts(client, staff):
    client.force_login(staff)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert client.get(reverse("admin:community_user_add")).status_code == 403
    assert client.get(reverse("admin:mfa_authenticator_changelist")).status_code == 403
    assert client.get(reverse("admin:account_emailaddress_changelist")).status_code == 403
    assert User.objects.filter(is_superuser=True).count() == 0
