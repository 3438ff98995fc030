"""Fields a role may not read stay out of its forms, lists, filters, search and ordering; and no URL lookup can be
used as an oracle (`?message__contains=…` answers 400, not a shorter list)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from community import roles
from community.roles import CONSULTATION_TEAM, COORDINATOR, STAFF_ROLES, WARD_STAFF, Level
from hiroba.models import ConsultationAccessLog, ConsultationRequest, ConsultationTeam
from tests.conftest import make_user
from tests.hiroba.conftest import make_consultation

pytestmark = pytest.mark.django_db

LOOKUPS = ["__contains", "__startswith", ""]


def hidden_fields():
    """(model, role, field) for every field some staff role may not read in every row."""
    for model in admin.site._registry:
        grants = roles.grants_for(model)
        for role in STAFF_ROLES:
            grant = grants.get(role)
            if grant is None or not grant.allows("view"):
                continue
            names = {f.name for f in model._meta.get_fields() if f.concrete or f.many_to_many}
            for name in sorted(names):
                if grant.level(name) < Level.READ:
                    yield model, role, name


HIDDEN = list(hidden_fields())


def test_the_matrix_hides_the_fields_the_issue_names():
    hidden = {(model._meta.label_lower, role, name) for model, role, name in HIDDEN}
    for name in ["message", "phone", "name", "email", "preferred_time"]:
        assert ("hiroba.consultationrequest", COORDINATOR, name) in hidden
        assert ("hiroba.consultationrequest", CONSULTATION_TEAM, name) in hidden
    for name in ["is_superuser", "is_staff", "groups", "user_permissions", "password"]:
        assert ("community.user", COORDINATOR, name) in hidden


@pytest.mark.parametrize(("model", "role", "name"), HIDDEN, ids=lambda v: getattr(v, "__name__", str(v)))
def test_no_lookup_on_a_hidden_field_answers(model, role, name, role_user, client):
    client.force_login(role_user(role))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for lookup in LOOKUPS:
        response = client.get(url, {f"{name}{lookup}": "1"})
        assert response.status_code == 400, (lookup, response.status_code)


def test_a_lookup_the_list_does_not_offer_is_refused_even_on_a_visible_field(client, staff):
    client.force_login(staff)
    url = reverse("admin:community_organization_changelist")
    assert client.get(url, {"status__exact": "published"}).status_code == 200  # the list's own filter
    assert client.get(url, {"contact_phone__startswith": "03"}).status_code == 400
    assert client.get(url, {"memberships__user__email__contains": "a"}).status_code == 400


def test_lookups_through_a_relation_to_a_hidden_field_are_refused(client, coordinator, staff):
    client.force_login(coordinator)
    url = reverse("admin:community_organization_changelist")
    assert client.get(url, {"memberships__user__is_superuser": "1"}).status_code == 400


def test_a_coordinator_sees_name_and_contact_only_of_a_user(client, coordinator, staff):
    client.force_login(coordinator)
    page = client.get(reverse("admin:community_user_change", args=[staff.pk])).content.decode()
    assert staff.email in page and staff.full_name in page
    for absent in ["is_superuser", "is_staff", "user_permissions", "id_groups", "スーパーユーザー権限", "最終ログイン"]:
        assert absent not in page
    listing = client.get(reverse("admin:community_user_changelist")).content.decode()
    assert "column-is_staff" not in listing and "スタッフ権限" not in listing  # no column, no filter


def test_a_coordinator_cannot_order_the_user_list_by_a_hidden_column(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("admin:community_user_changelist"), {"o": "3"})
    # list_display for a coordinator is e-mail and name: a fourth column does not exist to order by.
    assert response.status_code == 200
    assert list(response.context["cl"].list_display) == ["email", "full_name"]


def test_ward_staff_read_a_users_rights_but_cannot_change_them_or_the_email(client, staff, coordinator):
    client.force_login(staff)
    response = client.get(reverse("admin:community_user_change", args=[coordinator.pk]))
    form = response.context["adminform"].form
    assert set(form.fields) == {"full_name", "full_name_kana", "phone", "chome", "languages", "interests",
                                "preferred_language"}
    assert "社協コーディネーター" in response.content.decode()  # the groups, shown read-only


@pytest.fixture
def assigned(team_member):
    """A request assigned to the team of `team_member`, and another one nobody gave them."""
    team = ConsultationTeam.objects.create(name="テストチーム")
    team.members.add(team_member)
    mine = make_consultation(message="チームの相談です", phone="03-1234-0001")
    mine.assigned_team = team
    mine.save()
    other = make_consultation(message="ほかの相談です", phone="03-1234-0002")
    return mine, other


@pytest.fixture
def team_member(staff_groups):
    user = make_user("team@example.jp", name="相談 チーム員", is_staff=True)
    user.groups.add(staff_groups[CONSULTATION_TEAM])
    return user


def test_a_team_member_reads_the_content_of_their_teams_requests_only(client, team_member, assigned):
    mine, other = assigned
    client.force_login(team_member)
    assert "チームの相談です" in client.get(reverse("admin:hiroba_consultationrequest_change", args=[mine.pk])).content.decode()
    page = client.get(reverse("admin:hiroba_consultationrequest_change", args=[other.pk])).content.decode()
    assert "ほかの相談です" not in page and "03-1234-0002" not in page


def test_a_team_members_search_reaches_their_teams_requests_only_and_is_logged(client, team_member, assigned):
    mine, other = assigned
    client.force_login(team_member)
    response = client.get(reverse("admin:hiroba_consultationrequest_changelist"), {"q": "03-1234"})
    found = [c.pk for c in response.context["cl"].result_list]
    assert found == [mine.pk]
    log = ConsultationAccessLog.objects.get()
    assert (log.user, log.action, log.consultation) == (team_member, "search", mine)


def test_the_request_list_offers_no_content_column_filter_or_ordering_to_anyone(client, staff, assigned):
    client.force_login(staff)
    response = client.get(reverse("admin:hiroba_consultationrequest_changelist"))
    assert list(response.context["cl"].list_display)[1:] == ["reference", "topic", "status", "received_at", "closed_at"]
    assert client.get(reverse("admin:hiroba_consultationrequest_changelist"), {"message__contains": "相談"}).status_code == 400


def test_ward_staff_never_rewrite_what_a_person_wrote(client, staff, assigned):
    mine, _other = assigned
    client.force_login(staff)
    form = client.get(reverse("admin:hiroba_consultationrequest_change", args=[mine.pk])).context["adminform"].form
    assert set(form.fields) == {"status", "assigned_team", "assigned_plaza", "assigned_to"}
    assert ConsultationRequest.objects.get(pk=mine.pk).message == "チームの相談です"


def test_field_levels_merge_to_the_most_a_users_roles_give(staff_groups):
    user = make_user("both@example.jp", is_staff=True)
    user.groups.add(staff_groups[COORDINATOR], staff_groups[WARD_STAFF])
    assert roles.field_level(user, ConsultationRequest, "message") == Level.READ
    assert roles.field_level(user, ConsultationRequest, "status") == Level.WRITE


def test_the_lists_own_filters_and_date_drill_down_keep_working(client, staff, coordinator, assigned):
    from community.models import Area

    client.force_login(staff)
    requests_url = reverse("admin:hiroba_consultationrequest_changelist")
    assert client.get(requests_url, {"received_at__year": "2026"}).status_code == 200
    assert client.get(requests_url, {"status__exact": "new", "mine": "1"}).status_code == 200
    towns_url = reverse("admin:community_town_changelist")
    assert client.get(towns_url, {"area__id__exact": Area.objects.first().pk}).status_code == 200
    client.force_login(coordinator)
    users_url = reverse("admin:community_user_changelist")
    assert client.get(users_url, {"q": "example"}).status_code == 200
    assert client.get(users_url, {"is_staff__exact": "1"}).status_code == 400  # a filter 区職員 have, not theirs
