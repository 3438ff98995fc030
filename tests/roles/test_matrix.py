"""The admin does exactly what the role matrix declares: every registered model × every role × view, add, change,
delete and export, compared both ways (a right the matrix does not declare fails as much as a missing one)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

from community import roles
from community.admin.access import RoleAwareAdmin
from community.roles import ORGANIZATION_ROLES, PORTAL_APPS, RESIDENT, STAFF_ROLES
from tests.hiroba.conftest import make_consultation
from tests.projects.conftest import make_call

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "add", "change", "delete", "export")


def admin_rights(model_admin, request) -> dict[str, bool]:
    return {
        "view": model_admin.has_view_permission(request),
        "add": model_admin.has_add_permission(request),
        "change": model_admin.has_change_permission(request),
        "delete": model_admin.has_delete_permission(request),
        "export": getattr(model_admin, "has_export_permission", lambda request: False)(request),
    }


def declared_rights(model, role) -> dict[str, bool]:
    grant = roles.grants_for(model).get(role)
    return {action: bool(grant and grant.allows(action)) for action in ACTIONS}


def test_every_portal_model_and_every_admin_model_is_declared():
    portal = {
        model._meta.label_lower for label in PORTAL_APPS for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    }
    registered = {model._meta.label_lower for model in admin.site._registry}
    declared = set(roles.matrix())
    assert (portal | registered) - declared == set(), "declare these in the app's roles.py"
    for label in declared:
        apps.get_model(label)  # every declaration names a real model


def test_every_admin_that_some_role_may_open_cuts_fields_by_the_matrix():
    loose = [
        model._meta.label for model, model_admin in admin.site._registry.items()
        if roles.grants_for(model) and not isinstance(model_admin, RoleAwareAdmin)
    ]
    assert not loose


def test_each_staff_group_holds_exactly_the_declared_permissions(staff_groups):
    for role in STAFF_ROLES:
        held = {(p.content_type.app_label, p.codename)
                for p in Group.objects.get(name=role).permissions.select_related("content_type")}
        assert held == roles.role_permissions(role), role


def test_a_database_without_the_groups_gets_each_of_them_from_the_sync():
    Group.objects.filter(name__in=STAFF_ROLES).delete()
    groups = roles.sync_staff_groups()
    assert sorted(groups) == sorted(STAFF_ROLES)
    for role in STAFF_ROLES:
        assert {(p.content_type.app_label, p.codename) for p in groups[role].permissions.select_related("content_type")} \
            == roles.role_permissions(role)


def test_a_permission_added_to_a_group_by_hand_is_gone_after_the_next_sync(staff_groups):
    coordinator = staff_groups[roles.COORDINATOR]
    coordinator.permissions.add(Permission.objects.get(codename="view_consultation_content"))
    roles.sync_staff_groups()
    assert not coordinator.permissions.filter(codename="view_consultation_content").exists()


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_the_admin_allows_each_staff_role_exactly_what_the_matrix_declares(role, role_user, request_as):
    request = request_as(role_user(role))
    drift = []
    for model, model_admin in admin.site._registry.items():
        actual, declared = admin_rights(model_admin, request), declared_rights(model, role)
        drift += [f"{model._meta.label} {action}: admin {actual[action]}, matrix {declared[action]}"
                  for action in ACTIONS if actual[action] != declared[action]]
    assert not drift, "\n".join(drift)


@pytest.mark.parametrize("role", [*ORGANIZATION_ROLES, RESIDENT])
def test_organization_members_and_residents_have_no_admin(role, role_user, request_as, client):
    user = role_user(role)
    request = request_as(user)
    assert not admin.site.has_permission(request)
    client.force_login(user)
    # The admin sends them to its login, which refuses a signed-in account that is not staff.
    assert client.get(reverse("admin:index"), follow=True).status_code == 403
    assert client.get(reverse("admin:community_organization_changelist"), follow=True).status_code == 403


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_changelist_and_add_page_answers_as_the_matrix_declares(role, role_user, client):
    """Over HTTP too: a page that skipped the permission methods would show here."""
    client.force_login(role_user(role))
    drift = []
    for model in admin.site._registry:
        declared = declared_rights(model, role)
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        status = client.get(reverse(f"{prefix}_changelist")).status_code
        if status != (200 if declared["view"] else 403):
            drift.append(f"{model._meta.label} changelist: {status}")
        try:
            add_url = reverse(f"{prefix}_add")
        except NoReverseMatch:  # a report or a log: there is no add page at all
            if declared["add"]:
                drift.append(f"{model._meta.label} add: no add page")
            continue
        status = client.get(add_url).status_code
        if status != (200 if declared["add"] else 403):
            drift.append(f"{model._meta.label} add: {status}")
    assert not drift, "\n".join(drift)


@pytest.fixture
def exports(db, organization):
    """How each export of the admin is asked for; the models are exactly those some staff role may export."""
    consultation = make_consultation()
    call = make_call(2026)
    return {
        "hiroba.consultationrequest": lambda client: client.post(
            reverse("admin:hiroba_consultationrequest_changelist"),
            {"action": "export_csv", "_selected_action": [consultation.pk]},
        ),
        "projects.application": lambda client: client.get(reverse("admin:projects_application_export", args=[call.pk])),
        "volunteers.matchingreport": lambda client: client.get(reverse("admin:volunteers_matchingreport_export")),
    }


def test_every_staff_export_is_tried_below(exports):
    exportable = {label for label, grants in roles.matrix().items()
                  if any(grants[role].allows("export") for role in STAFF_ROLES if role in grants)}
    assert set(exports) == exportable


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_each_export_answers_as_the_matrix_declares(role, role_user, client, exports):
    client.force_login(role_user(role))
    for label, export in exports.items():
        response = export(client)
        is_csv = response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        assert is_csv == declared_rights(apps.get_model(label), role)["export"], (label, response.status_code)
