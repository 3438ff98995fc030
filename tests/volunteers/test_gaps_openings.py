"""A resident withdraws an application before it is accepted (the organization is told); staff export the numbers."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.conftest import make_user
from tests.csv_checks import assert_written_as_text, rows_of, typed_values
from tests.volunteers.factories_college import make_opening
from volunteers.models import OpeningApplication
from volunteers.selectors import reports
from volunteers.services import openings as services

pytestmark = pytest.mark.django_db
Status = OpeningApplication.Status


@pytest.fixture
def opening(organization):
    return make_opening(organization)


@pytest.fixture
def application(opening, resident):
    return services.opening_apply(opening=opening, user=resident, message="火曜の午前なら参加できます。")


def withdraw_url(application) -> str:
    return reverse("volunteers:application_withdraw", args=[application.pk])


# --- withdrawing ---------------------------------------------------------------------------------


def test_a_resident_withdraws_and_the_organization_is_mailed_once(
    application, resident, org_member, client, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(withdraw_url(application))

    assert response.status_code == 302 and response["Location"] == reverse("volunteers:my_volunteering")
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert len(callbacks) == 1
    assert [m.to for m in mailoutbox] == [[org_member.email]]
    mail = mailoutbox[0]
    assert "応募が取り下げられました" in mail.subject and "防災倉庫の点検" in mail.subject
    # Not accepted yet: the organization reads 「応募者 #n」, neither her name nor her address.
    assert f"応募者 #{application.pk}" in mail.body
    assert reverse("volunteers:org_applications", args=[application.opening.organization_id]) in mail.body
    assert "練馬 エミ" not in mail.body and resident.email not in mail.body


def test_the_page_offers_withdrawal_only_while_there_is_no_result(application, resident, client):
    client.force_login(resident)
    assert withdraw_url(application) in client.get(reverse("volunteers:my_volunteering")).content.decode()

    services.opening_application_decide(application=application, decision="accept", message="")

    assert withdraw_url(application) not in client.get(reverse("volunteers:my_volunteering")).content.decode()


def test_a_question_from_the_organization_can_still_be_answered_by_withdrawing(application, resident):
    services.opening_application_decide(application=application, decision="ask", message="土曜は来られますか")

    withdrawn = services.opening_application_withdraw(application=application, user=resident)

    assert withdrawn.status == Status.WITHDRAWN


@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_an_application_with_a_result_cannot_be_withdrawn(
    application, resident, client, decision, django_capture_on_commit_callbacks, mailoutbox
):
    services.opening_application_decide(application=application, decision=decision, message="")
    client.force_login(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw_url(application), follow=True)

    assert "結果が出た応募は取り下げできません" in response.content.decode()
    application.refresh_from_db()
    assert application.status != Status.WITHDRAWN
    assert mailoutbox == []


def test_withdrawing_twice_is_refused_and_mails_once(
    application, resident, org_member, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opening_application_withdraw(application=application, user=resident)
        with pytest.raises(ValidationError):
            services.opening_application_withdraw(application=application, user=resident)

    assert len(mailoutbox) == 1


def test_someone_elses_application_is_404(application, client, other_org_member):
    someone = make_user("someone@example.jp")
    client.force_login(someone)

    assert client.post(withdraw_url(application)).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_withdrawing_needs_login_and_post(application, client, resident):
    response = client.post(withdraw_url(application))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(resident)
    assert client.get(withdraw_url(application)).status_code == 405


def test_the_organization_cannot_decide_a_withdrawn_application(application, resident):
    services.opening_application_withdraw(application=application, user=resident)

    with pytest.raises(ValidationError):
        services.opening_application_decide(application=application, decision="accept", message="")


def test_after_withdrawing_the_resident_may_apply_again(application, opening, resident, client):
    services.opening_application_withdraw(application=application, user=resident)
    client.force_login(resident)
    assert "この募集に応募する" in client.get(reverse("volunteers:opening_detail", args=[opening.pk])).content.decode()

    response = client.post(reverse("volunteers:opening_apply", args=[opening.pk]), {"message": "やはり参加したいです"})

    assert response.status_code == 302
    again = OpeningApplication.objects.get()
    assert again.pk == application.pk and again.status == Status.APPLIED and again.message == "やはり参加したいです"


def test_applying_again_while_the_application_is_open_is_still_refused(application, opening, resident):
    with pytest.raises(ValidationError):
        services.opening_apply(opening=opening, user=resident, message="もう一度")


# --- the staff numbers as CSV -------------------------------------------------------------------


def test_staff_download_the_numbers_as_csv_with_a_bom(organization, staff, resident, client):
    opening = make_opening(organization)
    application = services.opening_apply(opening=opening, user=resident, message="参加したい")
    services.opening_application_decide(application=application, decision="accept", message="")
    client.force_login(staff)

    page = client.get(reverse("admin:volunteers_matchingreport_changelist")).content.decode()
    response = client.get(reverse("admin:volunteers_matchingreport_export"))

    assert reverse("admin:volunteers_matchingreport_export") in page
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="matching-')
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == reports.CSV_HEADER
    assert rows[1][1:] == ["防災", "石神井", "1", "1", "1"]


def test_the_numbers_csv_writes_area_names_that_look_like_formulas_as_text(organization, staff, client):
    from community.models import Area

    values = typed_values("地域")
    for value, area in zip(values, Area.objects.order_by("pk")[: len(values)], strict=False):
        area.name = value  # staff may rename an area in the admin
        area.save()
        make_opening(organization, title=f"募集 {area.slug}", area_slug=area.slug)
    client.force_login(staff)
    rows = rows_of(client.get(reverse("admin:volunteers_matchingreport_export")))
    assert rows[0] == reports.CSV_HEADER
    assert_written_as_text(rows, values[: Area.objects.count()])
    assert all(row[3:] == ["1", "0", "0"] for row in rows[1:])  # the counts stay numbers


def test_an_accepted_invitation_counts_as_a_match_with_or_without_an_opening(organization, org_member, staff, client):
    from tests.volunteers.factories_college import make_profile
    from volunteers.models import VolunteerInvitation, VolunteerProfile

    opening = make_opening(organization, field="welfare", area_slug="oizumi")
    invited = [make_profile(make_user(f"g{n}@example.jp"), visibility=VolunteerProfile.Visibility.ORGANIZATIONS)
               for n in range(3)]
    with_opening = services.invitation_send(organization=organization, profile=invited[0], message="どうですか",
                                            sent_by=org_member, opening=opening)
    without = services.invitation_send(organization=organization, profile=invited[1], message="どうですか", sent_by=org_member)
    declined = services.invitation_send(organization=organization, profile=invited[2], message="どうですか",
                                        sent_by=org_member, opening=opening)
    services.invitation_respond(invitation=with_opening, user=invited[0].user, accept=True)
    services.invitation_respond(invitation=without, user=invited[1].user, accept=True)
    services.invitation_respond(invitation=declined, user=invited[2].user, accept=False)
    assert VolunteerInvitation.objects.accepted().count() == 2

    rows = reports.monthly_numbers()
    by_field = {(row.field_label, row.area): (row.openings, row.applications, row.matches) for row in rows}
    assert by_field == {("福祉", "大泉"): (1, 0, 1), ("募集なしの招待", ""): (0, 0, 1)}
    assert reports.totals(rows)["matches"] == 2
    client.force_login(staff)
    assertContains(client.get(reverse("admin:volunteers_matchingreport_changelist")), "募集なしの招待")


def test_residents_and_organization_members_cannot_download_the_numbers(client, resident, org_member):
    for user in (resident, org_member):
        client.force_login(user)
        response = client.get(reverse("admin:volunteers_matchingreport_export"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_view_permission_get_403(client):
    client.force_login(make_user("clerk@example.jp", is_staff=True))

    assert client.get(reverse("admin:volunteers_matchingreport_export")).status_code == 403


def test_the_export_has_a_fixed_query_budget(organization, staff, client, django_assert_max_num_queries):
    for n in range(5):
        make_opening(organization, title=f"募集{n}", area_slug=["nerima", "oizumi"][n % 2])
    client.force_login(staff)

    # session, user, the permission check (groups' permissions), then the four grouped counts
    with django_assert_max_num_queries(8):
        response = client.get(reverse("admin:volunteers_matchingreport_export"))
    assert response["Content-Type"].startswith("text/csv")
    assertContains(response, "大泉")  # the 地域 of 募集1 and 募集3
