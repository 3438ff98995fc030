"""Volunteer openings: applying, the organization's decision, contact details, and 404 across organizations."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from community.models import PublicationStatus
from tests.volunteers.factories_college import make_opening, make_profile, opening_rows
from volunteers.models import Opening, OpeningApplication, VolunteerInvitation, VolunteerProfile
from volunteers.services import openings as services

Status = OpeningApplication.Status


@pytest.fixture
def opening(organization):
    return make_opening(organization)


@pytest.fixture
def application(opening, resident):
    resident.phone = "090-1111-2222"
    resident.save(update_fields=["phone"])
    return services.opening_apply(opening=opening, user=resident, message="火曜の午前なら参加できます。")


# --- applying ------------------------------------------------------------------------------------

def test_a_resident_applies_with_a_message_and_both_sides_get_mail(
    opening, resident, org_member, client, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:opening_apply", args=[opening.pk]), {"message": "よろしくお願いします"})
    assert response.status_code == 302
    assert OpeningApplication.objects.get().message == "よろしくお願いします"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, org_member.email])


def test_an_empty_message_shows_an_error_next_to_the_field(opening, resident, client):
    client.force_login(resident)
    response = client.post(reverse("volunteers:opening_apply", args=[opening.pk]), {"message": ""})
    assert response.status_code == 400
    assert "団体へのメッセージを書いてください。" in response.content.decode()
    assert not OpeningApplication.objects.exists()


def test_applying_twice_is_refused(application, opening, resident, client):
    client.force_login(resident)
    response = client.post(reverse("volunteers:opening_apply", args=[opening.pk]), {"message": "もう一度"})
    assert response.status_code == 400
    assert OpeningApplication.objects.count() == 1


def test_a_closed_opening_takes_no_applications(organization, resident, client):
    closed = make_opening(organization, closes_in=-1)
    client.force_login(resident)
    response = client.post(reverse("volunteers:opening_apply", args=[closed.pk]), {"message": "参加したい"})
    assert response.status_code == 400
    assert "この募集は締め切りました。" in response.content.decode()
    assert not OpeningApplication.objects.exists()


def test_an_unapproved_opening_is_not_public(organization, client):
    pending = make_opening(organization, status=PublicationStatus.PENDING)
    assert client.get(reverse("volunteers:opening_detail", args=[pending.pk])).status_code == 404


# --- the organization's side -----------------------------------------------------------------------

def test_the_organization_sees_the_message_but_not_the_contact_details_before_accepting(application, org_member, client):
    client.force_login(org_member)
    body = client.get(reverse("volunteers:org_application", args=[application.opening.organization_id, application.pk])).content.decode()
    assert "火曜の午前なら参加できます。" in body
    assert application.user.email not in body
    assert "090-1111-2222" not in body


def test_accepting_shows_the_contact_details_and_puts_the_volunteer_on_the_roster(
    application, org_member, client, django_capture_on_commit_callbacks
):
    org_pk = application.opening.organization_id
    client.force_login(org_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("volunteers:org_application", args=[org_pk, application.pk]), {"decision": "accept", "message": "ぜひ"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.decided_at
    assert {m.to[0] for m in mail.outbox} == {application.user.email, org_member.email}
    roster = client.get(reverse("volunteers:org_roster", args=[org_pk])).content.decode()
    assert application.user.email in roster and "090-1111-2222" in roster


def test_asking_back_needs_a_question_and_the_resident_can_reply(application, org_member, resident, client):
    org_pk = application.opening.organization_id
    client.force_login(org_member)
    response = client.post(reverse("volunteers:org_application", args=[org_pk, application.pk]), {"decision": "ask", "message": ""})
    assert response.status_code == 400
    assert "質問の内容を入力してください。" in response.content.decode()
    client.post(reverse("volunteers:org_application", args=[org_pk, application.pk]), {"decision": "ask", "message": "車で来られますか？"})
    application.refresh_from_db()
    assert application.status == Status.ASKED
    client.force_login(resident)
    assert "車で来られますか？" in client.get(reverse("volunteers:my_volunteering")).content.decode()
    client.post(reverse("volunteers:application_reply", args=[application.pk]), {"reply": "はい、車で行けます"})
    application.refresh_from_db()
    assert application.status == Status.APPLIED and application.reply == "はい、車で行けます"


def test_a_declined_application_stays_off_the_roster(application, org_member, client):
    org_pk = application.opening.organization_id
    client.force_login(org_member)
    client.post(reverse("volunteers:org_application", args=[org_pk, application.pk]), {"decision": "decline", "message": ""})
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.user.email not in client.get(reverse("volunteers:org_roster", args=[org_pk])).content.decode()


def test_an_organization_posts_an_opening_that_waits_for_approval(organization, org_member, client):
    client.force_login(org_member)
    data = {
        "title": "子ども食堂の配膳", "title_kana": "こどもしょくどうのはいぜん", "field": "welfare",
        "area": "1", "weekdays": ["5"], "times": ["am"], "people_needed": "2", "closes_on": "2099-01-31",
        "suitable_for": ["beginner", "family"], "submit": "1",
    }
    from community.models import Area

    data["area"] = str(Area.objects.get(slug="nerima").pk)
    response = client.post(reverse("volunteers:org_opening_create", args=[organization.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    opening = Opening.objects.get()
    assert opening.status == PublicationStatus.PENDING
    assert opening.weekdays == [5] and opening.suitable_for == ["beginner", "family"]


def test_a_bad_opening_form_keeps_what_was_typed(organization, org_member, client):
    client.force_login(org_member)
    response = client.post(reverse("volunteers:org_opening_create", args=[organization.pk]), {"title": "配膳"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "募集締切日を入力してください。" in body and 'value="配膳"' in body
    assert not Opening.objects.exists()


# --- 404 across organizations ------------------------------------------------------------------------

def _org_urls(org_pk, opening_pk, application_pk, profile_pk):
    return [
        reverse("volunteers:org_openings", args=[org_pk]),
        reverse("volunteers:org_opening_create", args=[org_pk]),
        reverse("volunteers:org_opening_edit", args=[org_pk, opening_pk]),
        reverse("volunteers:org_applications", args=[org_pk]),
        reverse("volunteers:org_application", args=[org_pk, application_pk]),
        reverse("volunteers:org_roster", args=[org_pk]),
        reverse("volunteers:org_volunteer_search", args=[org_pk]),
    ]


def test_every_my_organization_page_works_for_a_member(application, org_member, client, other_org_member):
    profile = make_profile(other_org_member, visibility=VolunteerProfile.Visibility.ORGANIZATIONS)
    opening = application.opening
    client.force_login(org_member)
    for url in _org_urls(opening.organization_id, opening.pk, application.pk, profile.pk):
        assert client.get(url).status_code == 200, url


def test_every_my_organization_page_is_404_for_a_member_of_another_organization(application, other_org_member, client):
    opening = application.opening
    client.force_login(other_org_member)
    for url in _org_urls(opening.organization_id, opening.pk, application.pk, 0):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("volunteers:org_application", args=[opening.organization_id, application.pk]), {"decision": "accept"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_an_application_to_another_organizations_opening_is_404_even_under_my_own_organization(
    application, other_organization, other_org_member, client
):
    client.force_login(other_org_member)
    url = reverse("volunteers:org_application", args=[other_organization.pk, application.pk])
    assert client.get(url).status_code == 404


def test_editing_another_organizations_opening_under_my_organization_is_404(opening, other_organization, other_org_member, client):
    client.force_login(other_org_member)
    assert client.get(reverse("volunteers:org_opening_edit", args=[other_organization.pk, opening.pk])).status_code == 404


def test_the_applications_list_shows_only_my_organizations_applications(
    application, other_organization, other_org_member, client
):
    make_opening(other_organization, title="ほかの募集")
    client.force_login(other_org_member)
    response = client.get(reverse("volunteers:org_applications", args=[other_organization.pk]))
    assert list(response.context["page"].object_list) == []


# --- invitations ---------------------------------------------------------------------------------------

def test_search_finds_opted_in_people_without_their_name_or_contact(organization, org_member, resident, client):
    resident.full_name = "秘密 花子"
    resident.save(update_fields=["full_name"])
    profile = make_profile(resident, fields=("welfare",), visibility=VolunteerProfile.Visibility.ORGANIZATIONS)
    make_profile(make_user_private(), fields=("welfare",))
    client.force_login(org_member)
    response = client.get(reverse("volunteers:org_volunteer_search", args=[organization.pk]), {"field": "welfare"})
    assert list(response.context["page"].object_list) == [profile]
    body = response.content.decode()
    assert "秘密 花子" not in body and resident.email not in body


def make_user_private():
    from tests.conftest import make_user

    return make_user("private@example.jp", name="非公開 さん")


def test_an_invitation_reveals_contact_details_only_after_the_resident_accepts(
    organization, org_member, resident, client, django_capture_on_commit_callbacks
):
    profile = make_profile(resident, visibility=VolunteerProfile.Visibility.ORGANIZATIONS)
    client.force_login(org_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers:org_invite", args=[organization.pk, profile.pk]), {"message": "一緒に活動しませんか"})
    invitation = VolunteerInvitation.objects.get()
    assert [m.to for m in mail.outbox] == [[resident.email]]
    assert resident.email not in client.get(reverse("volunteers:org_roster", args=[organization.pk])).content.decode()
    client.force_login(resident)
    client.post(reverse("volunteers:invitation_respond", args=[invitation.pk]), {"answer": "accept"})
    client.force_login(org_member)
    assert resident.email in client.get(reverse("volunteers:org_roster", args=[organization.pk])).content.decode()


def test_a_private_profile_cannot_be_invited(organization, org_member, resident, client):
    profile = make_profile(resident)
    client.force_login(org_member)
    response = client.post(reverse("volunteers:org_invite", args=[organization.pk, profile.pk]), {"message": "どうですか"})
    assert response.status_code == 404
    assert not VolunteerInvitation.objects.exists()


def test_a_resident_cannot_answer_someone_elses_invitation(organization, org_member, resident, other_org_member, client):
    profile = make_profile(resident, visibility=VolunteerProfile.Visibility.ORGANIZATIONS)
    invitation = services.invitation_send(organization=organization, profile=profile, message="どうですか", sent_by=org_member)
    client.force_login(other_org_member)
    assert client.post(reverse("volunteers:invitation_respond", args=[invitation.pk]), {"answer": "accept"}).status_code == 404


# --- query budgets on detail and organization pages ------------------------------------------------------

@pytest.mark.parametrize("rows", [10, 1000])
def test_opening_detail_has_a_fixed_query_budget(organization, resident, client, django_assert_max_num_queries, rows):
    opening_rows(organization, rows)
    opening = make_opening(organization)
    client.force_login(resident)
    # session + user, the opening with organization/area/place, my application, header memberships.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("volunteers:opening_detail", args=[opening.pk]))
    assertContains(response, opening.title)


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_organizations_application_list_has_a_fixed_query_budget(
    organization, org_member, client, django_assert_max_num_queries, rows
):
    from community.models import User

    pks = opening_rows(organization, 1)
    users = User.objects.bulk_create([User(email=f"v{i}@example.jp", full_name=f"V{i}") for i in range(rows)])
    OpeningApplication.objects.bulk_create(
        [OpeningApplication(opening_id=pks[0], user=user, message="よろしく") for user in users]
    )
    client.force_login(org_member)
    # session + user, membership check + organization, count, one page with opening/area/user joined, header.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("volunteers:org_applications", args=[organization.pk]))
    # Applicants stay 「応募者 #n」 until accepted: the page names them so, never by their name.
    first = response.context["page"].object_list[0]
    assertContains(response, first.display_name)
    assertNotContains(response, f">{first.user.full_name}<")
    assert len(response.context["page"].object_list) == min(rows, 20)


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_volunteer_search_has_a_fixed_query_budget(organization, org_member, client, django_assert_max_num_queries, rows):
    from community.models import User

    users = User.objects.bulk_create([User(email=f"p{i}@example.jp", full_name=f"P{i}") for i in range(rows)])
    VolunteerProfile.objects.bulk_create(
        [VolunteerProfile(user=u, activity_fields=["welfare"], visibility="organizations") for u in users]
    )
    make_opening(organization)
    client.force_login(org_member)
    # session, user, membership check, organization, count, page of profiles with user, then prefetches of
    # areas, graduations, our invitations; our open openings for the invite form; header memberships; one spare.
    with django_assert_max_num_queries(12):
        response = client.get(reverse("volunteers:org_volunteer_search", args=[organization.pk]), {"field": "welfare"})
    assertContains(response, response.context["page"].object_list[0].public_label)  # no name before they accept
    assert len(response.context["page"].object_list) == min(rows, 20)


def test_the_public_list_shows_an_edited_opening_at_once(opening, client):
    # The list's entries come from cached fragments: an edit retires them with the content version.
    assertContains(client.get(reverse("volunteers:openings")), opening.title)
    opening.title = "書き直した募集"
    opening.save(update_fields=["title"])
    assertContains(client.get(reverse("volunteers:openings")), "書き直した募集")
