"""Who looked at or exported an organization's sign-ups is logged; 区職員 read the log, nobody edits it."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import PersonalDataAccess, SignUp
from tests.conftest import make_session


@pytest.fixture
def session_with_signups(listing, resident):
    session = make_session(listing, capacity=10)
    SignUp.objects.create(session=session, user=resident, name="練馬 エミ", status=SignUp.Status.CONFIRMED)
    SignUp.objects.create(session=session, name="電話 申込", phone="03-1111-2222", status=SignUp.Status.CONFIRMED)
    return session


def test_viewing_the_sign_up_list_is_logged(client, org_member, organization, session_with_signups):
    client.force_login(org_member)

    assert client.get(reverse("community:session_signups", args=[organization.pk, session_with_signups.pk])).status_code == 200

    entry = PersonalDataAccess.objects.get()
    assert entry.user == org_member
    assert entry.user_label == "団体 チャーリー <member@example.jp>"
    assert entry.action == PersonalDataAccess.Action.VIEW_SIGNUPS
    assert (entry.organization, entry.session, entry.rows) == (organization, session_with_signups, 2)
    assert entry.target_label == str(session_with_signups)


def test_the_csv_export_is_logged(client, org_member, organization, session_with_signups):
    client.force_login(org_member)

    response = client.get(reverse("community:session_signups_csv", args=[organization.pk, session_with_signups.pk]))

    assert response.status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert (entry.action, entry.user, entry.session, entry.rows) == (
        PersonalDataAccess.Action.EXPORT_SIGNUPS, org_member, session_with_signups, 2,
    )


def test_a_refused_look_from_another_organization_logs_nothing(client, other_org_member, other_organization,
                                                              organization, session_with_signups):
    client.force_login(other_org_member)

    for name in ("community:session_signups", "community:session_signups_csv"):
        assert client.get(reverse(name, args=[organization.pk, session_with_signups.pk])).status_code == 404
        assert client.get(reverse(name, args=[other_organization.pk, session_with_signups.pk])).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_the_log_still_reads_when_the_session_and_the_member_are_gone(client, org_member, organization,
                                                                     session_with_signups):
    client.force_login(org_member)
    client.get(reverse("community:session_signups_csv", args=[organization.pk, session_with_signups.pk]))
    label = str(session_with_signups)

    session_with_signups.delete()
    org_member.delete()

    entry = PersonalDataAccess.objects.get()
    assert (entry.session, entry.user) == (None, None)
    assert entry.target_label == label and "member@example.jp" in entry.user_label


def test_ward_staff_read_the_log_in_the_admin_but_cannot_change_it(client, staff, org_member, organization,
                                                                  session_with_signups):
    client.force_login(org_member)
    client.get(reverse("community:session_signups", args=[organization.pk, session_with_signups.pk]))
    entry = PersonalDataAccess.objects.get()
    client.force_login(staff)

    changelist = client.get(reverse("admin:community_personaldataaccess_changelist"))
    assert changelist.status_code == 200
    assert "団体 チャーリー" in changelist.content.decode()
    detail = client.get(reverse("admin:community_personaldataaccess_change", args=[entry.pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:community_personaldataaccess_add")).status_code == 403
    assert client.post(reverse("admin:community_personaldataaccess_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert PersonalDataAccess.objects.filter(pk=entry.pk).exists()


def test_coordinators_do_not_see_the_log(client, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("admin:community_personaldataaccess_changelist")).status_code == 403


@pytest.mark.parametrize("count", [10, 1000])
def test_the_log_admin_has_a_fixed_query_budget(client, staff, organization, session_with_signups, count,
                                                django_assert_max_num_queries):
    PersonalDataAccess.objects.bulk_create([
        PersonalDataAccess(user_label=f"人{i}", action="view_signups", organization=organization,
                           session=session_with_signups, target_label="回", rows=i)
        for i in range(count)
    ])
    client.force_login(staff)

    # auth session, user, user and group permissions (2), the filtered and the full count, the rows with their
    # organizations, the date hierarchy's bounds and its days, the sidebar's hiroba check = 10, for any number.
    with django_assert_max_num_queries(10):
        response = client.get(reverse("admin:community_personaldataaccess_changelist"))
    assertContains(response, f"人{count - 1}")
