"""Strict access: the list shows no content; content only for the assigned and 区職員 with the permission;
every view, history look and export is logged; the log is read-only and only for 区職員."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from hiroba.models import ConsultationAccessLog
from tests.hiroba.conftest import make_consultation

pytestmark = pytest.mark.django_db

SECRET = "夫の介護のことで相談したいです"
SECRET_PHONE = "03-9999-8888"
CHANGELIST = reverse("admin:hiroba_consultationrequest_changelist")


def _change_url(consultation):
    return reverse("admin:hiroba_consultationrequest_change", args=[consultation.pk])


def _export(client, consultation):
    return client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [consultation.pk]})


def test_changelist_shows_reference_topic_and_status_but_no_content_even_to_ward_staff(client, staff, consultation):
    client.force_login(staff)
    body = client.get(CHANGELIST).content.decode()
    assert consultation.reference in body and "介護・高齢" in body and "受付" in body
    assert SECRET not in body and SECRET_PHONE not in body and "秘密 太郎" not in body


def test_admin_search_does_not_search_content(client, staff, consultation):
    client.force_login(staff)
    assert consultation.reference not in client.get(CHANGELIST, {"q": "介護のこと"}).content.decode()
    assert consultation.reference not in client.get(CHANGELIST, {"q": "秘密"}).content.decode()
    assert consultation.reference in client.get(CHANGELIST, {"q": consultation.reference}).content.decode()


def test_ward_staff_with_the_permission_see_the_content_and_the_view_is_logged(client, staff, consultation):
    client.force_login(staff)
    body = client.get(_change_url(consultation)).content.decode()
    assert SECRET in body and SECRET_PHONE in body
    log = ConsultationAccessLog.objects.get()
    assert (log.user, log.action, log.reference) == (staff, "view", consultation.reference)


def test_a_coordinator_not_assigned_sees_only_the_summary(client, coordinator, consultation):
    client.force_login(coordinator)
    response = client.get(_change_url(consultation))
    body = response.content.decode()
    assert response.status_code == 200
    assert consultation.reference in body
    assert SECRET not in body and SECRET_PHONE not in body and "秘密 太郎" not in body
    assert ConsultationAccessLog.objects.get().action == "view_summary"


def test_a_coordinator_not_assigned_cannot_change_the_request(client, coordinator, consultation):
    client.force_login(coordinator)
    client.post(_change_url(consultation), {"status": "closed"})
    consultation.refresh_from_db()
    assert consultation.status == "new"


def test_a_member_of_the_assigned_team_sees_the_content(client, team_member, team, consultation):
    consultation.assigned_team = team
    consultation.save()
    client.force_login(team_member)
    assert SECRET in client.get(_change_url(consultation)).content.decode()


def test_the_assigned_staff_user_sees_the_content(client, coordinator, consultation):
    consultation.assigned_to = coordinator
    consultation.save()
    client.force_login(coordinator)
    assert SECRET in client.get(_change_url(consultation)).content.decode()


def test_the_assigned_staff_user_sees_only_their_own_requests(client, coordinator, consultation):
    other = make_consultation(message="別の人の相談", phone="03-7777-6666")
    consultation.assigned_to = coordinator
    consultation.save()
    client.force_login(coordinator)
    assert "別の人の相談" not in client.get(_change_url(other)).content.decode()


def test_export_without_permission_contains_no_content_and_is_logged(client, coordinator, consultation):
    client.force_login(coordinator)
    response = _export(client, consultation)
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert consultation.reference in text
    assert SECRET not in text and SECRET_PHONE not in text
    assert "（閲覧権限なし）" in text
    log = ConsultationAccessLog.objects.get()
    assert (log.user, log.action) == (coordinator, "export")


def test_export_by_ward_staff_contains_the_content_and_logs_each_row(client, staff, consultation):
    second = make_consultation(message="二件目の相談", phone="03-5555-4444")
    client.force_login(staff)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [consultation.pk, second.pk]})
    text = response.content.decode("utf-8-sig")
    assert SECRET in text and "二件目の相談" in text
    assert set(ConsultationAccessLog.objects.filter(action="export").values_list("reference", flat=True)) == {
        consultation.reference, second.reference
    }


def test_history_is_refused_without_content_access(client, coordinator, consultation):
    client.force_login(coordinator)
    url = reverse("admin:hiroba_consultationrequest_history", args=[consultation.pk])
    assert client.get(url).status_code == 403


def test_history_view_by_ward_staff_is_logged(client, staff, consultation):
    client.force_login(staff)
    url = reverse("admin:hiroba_consultationrequest_history", args=[consultation.pk])
    assert client.get(url).status_code == 200
    assert ConsultationAccessLog.objects.get().action == "history"


def test_triage_by_ward_staff_assigns_closes_and_logs(client, staff, team, consultation):
    client.force_login(staff)
    response = client.post(_change_url(consultation), {
        "status": "closed", "assigned_team": team.pk, "assigned_plaza": "", "assigned_to": staff.pk,
        "notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0", "notes-MIN_NUM_FORMS": "0", "notes-MAX_NUM_FORMS": "1000",
        "notes-0-text": "電話で折り返しました",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    consultation.refresh_from_db()
    assert consultation.status == "closed" and consultation.closed_at is not None
    assert consultation.assigned_team == team
    note = consultation.notes.get()
    assert (note.text, note.author) == ("電話で折り返しました", staff)
    assert ConsultationAccessLog.objects.filter(action="change", user=staff).exists()


def test_requests_cannot_be_added_in_admin(client, staff):
    client.force_login(staff)
    assert client.get(reverse("admin:hiroba_consultationrequest_add")).status_code == 403


def test_the_access_log_is_shown_read_only_to_ward_staff(client, staff, consultation):
    client.force_login(staff)
    client.get(_change_url(consultation))
    log = ConsultationAccessLog.objects.get()
    listing = client.get(reverse("admin:hiroba_consultationaccesslog_changelist"))
    assert listing.status_code == 200 and consultation.reference in listing.content.decode()
    assert client.get(reverse("admin:hiroba_consultationaccesslog_add")).status_code == 403
    client.post(reverse("admin:hiroba_consultationaccesslog_delete", args=[log.pk]), {"post": "yes"})
    assert ConsultationAccessLog.objects.filter(pk=log.pk).exists()


def test_the_access_log_is_hidden_from_coordinators(client, coordinator, consultation):
    client.force_login(coordinator)
    assert client.get(reverse("admin:hiroba_consultationaccesslog_changelist")).status_code == 403


def test_residents_and_organization_members_cannot_reach_requests(client, resident, org_member, consultation):
    for user in (resident, org_member):
        client.force_login(user)
        response = client.get(_change_url(consultation))
        assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_content_rule_as_a_queryset_matches_the_object_rule(staff, coordinator, team_member, team, consultation):
    from hiroba.models import ConsultationRequest

    consultation.assigned_team = team
    consultation.save()
    for user, expected in ((staff, True), (coordinator, False), (team_member, True)):
        assert consultation.content_visible_to(user) is expected
        assert ConsultationRequest.objects.content_visible_to(user).filter(pk=consultation.pk).exists() is expected


@pytest.mark.parametrize("rows", [10, 1000])
def test_changelist_query_budget(client, staff, django_assert_max_num_queries, rows):
    from django.utils import timezone

    from hiroba.models import ConsultationRequest

    now = timezone.now()
    ConsultationRequest.objects.bulk_create([
        ConsultationRequest(reference=f"S-BULK-{i:04}", topic="other", message="x", contact_method="none",
                            is_anonymous=True, consented_at=now, received_at=now)
        for i in range(rows)
    ])
    client.force_login(staff)
    # Expected: session + user (2), permissions (2), count/total (2), page (1), date hierarchy (1), filters (≤2)
    with django_assert_max_num_queries(12):
        response = client.get(CHANGELIST)
    assertContains(response, response.context["cl"].result_list[0].reference)
