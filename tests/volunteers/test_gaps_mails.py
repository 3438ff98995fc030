"""Who is told by mail: association members of a join inquiry, ward staff of a commissioner contact,
the area's coordinators of a 協働推進員 registration, and the resident when its status changes."""

import pytest
from django.urls import reverse

from community import content_version
from community.models import Membership
from tests.conftest import make_user
from tests.volunteers.factories_associations import area, make_association, make_district
from volunteers.models import CollaboratorRegistration, CoordinatorAssignment, CoordinatorTeam
from volunteers.services import associations as services

pytestmark = pytest.mark.django_db


def make_team(slug: str, *coordinators) -> CoordinatorTeam:
    team = CoordinatorTeam.objects.create(area=area(slug), name=f"{slug}チーム", office="窓口", phone="03-0000-0001")
    for user in coordinators:
        CoordinatorAssignment.objects.create(team=team, user=user)
    return team


# --- 加入の問い合わせ → the association's members --------------------------------------------------


def test_a_join_inquiry_mails_every_member_of_the_association_once(
    client, django_capture_on_commit_callbacks, mailoutbox, other_org_member
):
    profile = make_association()
    representative = make_user("rep@example.jp", name="代表 一郎")
    editor = make_user("editor@example.jp", name="編集 花子", preferred_language="en")
    Membership.objects.create(organization=profile.organization, user=representative, role="representative")
    Membership.objects.create(organization=profile.organization, user=editor, role="editor")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("volunteers:association_inquiry", args=[profile.pk]),
            {"name": "転入 太郎", "email": "taro@example.jp", "phone": "03-1111-2222", "message": "ひみつの相談です"},
        )

    assert response.status_code == 302
    deliveries = [c for c in callbacks if not content_version.is_bump(c)]  # the rest move the versions
    assert len(deliveries) == 3  # one outbox delivery per member and the sender's receipt, run after the commit
    assert sorted(m.to[0] for m in mailoutbox) == ["editor@example.jp", "rep@example.jp", "taro@example.jp"]
    mail = next(m for m in mailoutbox if m.to == ["rep@example.jp"])
    assert "加入の問い合わせ" in mail.subject and profile.organization.name in mail.subject
    assert "転入 太郎" in mail.body
    assert reverse("volunteers:my_inquiries", args=[profile.organization_id]) in mail.body
    # Contact details and the message are read logged in, never carried in the mail.
    for secret in ("taro@example.jp", "03-1111-2222", "ひみつの相談です"):
        assert secret not in mail.body


def test_a_refused_join_inquiry_mails_nobody(client, django_capture_on_commit_callbacks, mailoutbox):
    profile = make_association()
    Membership.objects.create(organization=profile.organization, user=make_user("rep@example.jp"), role="representative")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:association_inquiry", args=[profile.pk]), {"name": "転入 太郎"})

    assert response.status_code == 400
    assert mailoutbox == []


# --- 民生・児童委員への連絡 → 区職員 ------------------------------------------------------------


def test_a_commissioner_contact_mails_ward_staff_only(
    client, django_capture_on_commit_callbacks, mailoutbox, staff, coordinator, resident
):
    district = make_district()
    inactive = make_user("gone@example.jp", is_staff=True)
    inactive.groups.add(*staff.groups.all())
    inactive.is_active = False
    inactive.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("volunteers:commissioner_contact"),
            {"address": "練馬区豊玉北5丁目", "name": "相談 花子", "phone": "03-5555-6666", "message": "父の見守りの件"},
        )

    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["staff@example.jp"]]
    mail = mailoutbox[0]
    assert district.name in mail.subject
    assert "相談 花子" in mail.body and "/admin/volunteers/commissionercontact/" in mail.body
    assert "03-5555-6666" not in mail.body and "父の見守り" not in mail.body


# --- 地域福祉協働推進員 → the area's coordinators, then the resident -------------------------------


def test_a_registration_mails_the_coordinators_of_the_chosen_areas(
    django_capture_on_commit_callbacks, mailoutbox, coordinator, resident
):
    elsewhere = make_user("oizumi-coord@example.jp", is_staff=True)
    make_team("nerima", coordinator)
    make_team("hikarigaoka", coordinator)  # one person in two chosen areas gets one mail
    make_team("oizumi", elsewhere)

    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_submit(
            user=resident,
            areas=[area("nerima"), area("hikarigaoka")],
            interests=["elderly"],
            weekdays=["sat"],
            times=[],
            phone="090-1234-0000",
        )

    assert [m.to for m in mailoutbox] == [["coordinator@example.jp"]]
    body = mailoutbox[0].body
    assert "練馬 エミ" in body and "/admin/volunteers/collaboratorregistration/" in body
    assert str(registration.pk) in body
    assert "090-1234-0000" not in body and "resident@example.jp" not in body


def test_updating_a_registration_does_not_mail_the_coordinators_again(
    django_capture_on_commit_callbacks, mailoutbox, coordinator, resident
):
    make_team("nerima", coordinator)
    fields = {"user": resident, "areas": [area("nerima")], "interests": ["elderly"], "weekdays": ["sat"], "times": []}
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_submit(**fields)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_submit(**{**fields, "weekdays": ["sun"]})

    assert len(mailoutbox) == 1


def test_registering_again_after_withdrawing_mails_the_coordinators_again(
    django_capture_on_commit_callbacks, mailoutbox, coordinator, resident
):
    make_team("nerima", coordinator)
    fields = {"user": resident, "areas": [area("nerima")], "interests": ["elderly"], "weekdays": ["sat"], "times": []}
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_submit(**fields)
        services.registration_withdraw(registration=registration)
        services.registration_submit(**fields)

    # Two registrations for the coordinator; the resident's own withdrawal sends nothing.
    assert [m.to for m in mailoutbox] == [["coordinator@example.jp"], ["coordinator@example.jp"]]


def test_the_resident_is_mailed_when_the_coordinator_changes_the_status_in_the_admin(
    client, django_capture_on_commit_callbacks, mailoutbox, coordinator, resident
):
    make_team("nerima", coordinator)
    registration = CollaboratorRegistration.objects.create(user=resident, interests=["elderly"], weekdays=["mon"])
    registration.areas.set([area("nerima")])
    client.force_login(coordinator)
    url = reverse("admin:volunteers_collaboratorregistration_change", args=[registration.pk])
    data = {"areas": [area("nerima").pk], "phone": "", "message": "", "status": "contacted", "coordinator_note": "電話した"}

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        # Saving again with the same status (only the note changes) is not a change of status.
        assert client.post(url, {**data, "coordinator_note": "再度電話"}).status_code == 302

    assert [m.to for m in mailoutbox] == [["resident@example.jp"]]
    mail = mailoutbox[0]
    assert "登録の状況が変わりました" in mail.subject
    assert "コーディネーターから連絡済み" in mail.body
    assert reverse("volunteers:collaborator_mine") in mail.body
    # The coordinator's private record stays in the admin.
    assert "電話した" not in mail.body


def test_each_status_change_mails_once(django_capture_on_commit_callbacks, mailoutbox, resident):
    registration = CollaboratorRegistration.objects.create(user=resident, interests=["elderly"], weekdays=["mon"])
    registration.areas.set([area("nerima")])

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_set_status(registration=registration, status="contacted")
        services.registration_set_status(registration=registration, status="contacted")
        services.registration_set_status(registration=registration, status="active")

    assert len(mailoutbox) == 2
    assert "推進員として活動中" in mailoutbox[1].body
