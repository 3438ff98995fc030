"""地域福祉協働推進員 registration, coordinators' view in the admin, area pages, and the demo's idempotence."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Area
from tests.conftest import make_user
from tests.volunteers.factories_associations import area, make_association
from volunteers.models import CollaboratorRegistration, CoordinatorAssignment, CoordinatorTeam
from volunteers.services.associations import registration_set_status

pytestmark = pytest.mark.django_db

REGISTER = reverse("volunteers:collaborator_register")
MINE = reverse("volunteers:collaborator_mine")

VALID = {"interests": ["elderly", "disaster"], "weekdays": ["sat"], "times": ["morning"], "availability_note": "月2回"}


def form_data(*areas, **extra):
    return {**VALID, "areas": [a.pk for a in areas], **extra}


def make_team(slug: str, coordinator=None) -> CoordinatorTeam:
    team = CoordinatorTeam.objects.create(
        area=area(slug), name=f"{slug}チーム", office=f"{slug}の窓口", phone="03-0000-0001"
    )
    if coordinator:
        CoordinatorAssignment.objects.create(team=team, user=coordinator)
    return team


def register(user, *slugs, **extra) -> CollaboratorRegistration:
    registration = CollaboratorRegistration.objects.create(user=user, interests=["elderly"], weekdays=["mon"], **extra)
    registration.areas.set([area(s) for s in slugs])
    return registration


def test_registration_needs_an_account(client):
    response = client.get(REGISTER)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_resident_registers_and_sees_the_status_in_mypage(client, resident):
    make_team("nerima")
    client.force_login(resident)

    response = client.post(REGISTER, form_data(area("nerima")))

    assert response.status_code == 302 and response["Location"] == MINE
    registration = CollaboratorRegistration.objects.get(user=resident)
    assert registration.status == CollaboratorRegistration.Status.NEW
    assert registration.interests == ["elderly", "disaster"]
    assert list(registration.areas.all()) == [area("nerima")]
    html = client.get(MINE).content.decode()
    assert "受付（連絡をお待ちください）" in html and "nerimaチーム" in html
    assert reverse("volunteers:collaborator_mine") in client.get(reverse("community:mypage")).content.decode()


def test_registering_again_updates_the_one_registration(client, resident):
    client.force_login(resident)
    client.post(REGISTER, form_data(area("nerima")))

    client.post(REGISTER, form_data(area("oizumi"), message="変更しました"))

    registration = CollaboratorRegistration.objects.get(user=resident)
    assert list(registration.areas.all()) == [area("oizumi")] and registration.message == "変更しました"


def test_missing_areas_and_availability_are_explained_and_nothing_is_saved(client, resident):
    client.force_login(resident)

    response = client.post(REGISTER, {"interests": ["elderly"], "message": "よろしく"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "活動したい地域を1つ以上選んでください" in html
    assert "活動できる曜日・時間帯を選ぶか、補足欄に書いてください" in html
    assert "よろしく" in html
    assert not CollaboratorRegistration.objects.exists()


def test_a_resident_withdraws_and_may_register_again(client, resident):
    registration = register(resident, "nerima", status=CollaboratorRegistration.Status.CONTACTED)
    client.force_login(resident)

    client.post(reverse("volunteers:collaborator_withdraw"))
    registration.refresh_from_db()
    assert registration.status == CollaboratorRegistration.Status.WITHDRAWN
    client.post(REGISTER, form_data(area("nerima")))
    registration.refresh_from_db()
    assert registration.status == CollaboratorRegistration.Status.NEW


def test_one_residents_status_page_never_shows_anothers(client, resident):
    other = make_user("other-resident@example.jp", name="別の 住民")
    register(other, "nerima", message="ひみつのメッセージ")
    client.force_login(resident)

    html = client.get(MINE).content.decode()

    assert "ひみつのメッセージ" not in html and "まだ地域福祉協働推進員に登録していません" in html


def test_the_first_contact_is_stamped_once(resident):
    registration = register(resident, "nerima")

    registration_set_status(registration=registration, status="contacted", note="電話しました")
    first = registration.contacted_at
    registration_set_status(registration=registration, status="active")

    registration.refresh_from_db()
    assert registration.contacted_at == first and registration.status == "active"
    assert registration.coordinator_note == "電話しました"


# --- coordinators in the admin ----------------------------------------------------------------

def test_a_coordinator_sees_only_registrations_for_their_areas(client, coordinator):
    make_team("nerima", coordinator)
    mine = register(make_user("a@example.jp", name="練馬の 人"), "nerima")
    register(make_user("b@example.jp", name="大泉の 人"), "oizumi")
    client.force_login(coordinator)

    changelist = client.get(reverse("admin:volunteers_collaboratorregistration_changelist"))

    html = changelist.content.decode()
    assert "練馬の 人" in html and "大泉の 人" not in html
    assert client.get(reverse("admin:volunteers_collaboratorregistration_change", args=[mine.pk])).status_code == 200


def test_a_coordinator_cannot_open_a_registration_of_another_area(client, coordinator):
    make_team("nerima", coordinator)
    elsewhere = register(make_user("b@example.jp", name="大泉の 人"), "oizumi")
    client.force_login(coordinator)

    response = client.get(reverse("admin:volunteers_collaboratorregistration_change", args=[elsewhere.pk]))

    # The admin answers an object outside get_queryset with a redirect and "does not exist".
    assert response.status_code == 302
    assert client.post(
        reverse("admin:volunteers_collaboratorregistration_change", args=[elsewhere.pk]),
        {"areas": [area("oizumi").pk], "status": "active", "coordinator_note": "x"},
    ).status_code == 302
    elsewhere.refresh_from_db()
    assert elsewhere.status == "new"


def test_a_coordinator_records_contact_and_status_in_the_admin(client, coordinator):
    make_team("nerima", coordinator)
    registration = register(make_user("a@example.jp", name="練馬の 人"), "nerima")
    client.force_login(coordinator)

    response = client.post(
        reverse("admin:volunteers_collaboratorregistration_change", args=[registration.pk]),
        {"areas": [area("nerima").pk], "phone": "", "message": "", "status": "contacted", "coordinator_note": "電話済み"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    registration.refresh_from_db()
    assert registration.status == "contacted" and registration.contacted_at is not None
    assert registration.coordinator_note == "電話済み"


def test_ward_staff_see_every_registration(client, staff):
    register(make_user("a@example.jp", name="練馬の 人"), "nerima")
    register(make_user("b@example.jp", name="大泉の 人"), "oizumi")
    client.force_login(staff)

    html = client.get(reverse("admin:volunteers_collaboratorregistration_changelist")).content.decode()

    assert "練馬の 人" in html and "大泉の 人" in html


# --- area pages ---------------------------------------------------------------------------------

def test_the_area_page_shows_the_team_contact_but_no_personal_data(client, coordinator):
    coordinator.phone = "090-9999-8888"
    coordinator.save()
    make_team("nerima", coordinator)
    make_association("豊玉テスト町会")

    html = client.get(reverse("volunteers:area_detail", args=["nerima"])).content.decode()

    assert "nerimaチーム" in html and "03-0000-0001" in html and "豊玉テスト町会" in html
    assert "社協 ボブ" not in html and "090-9999-8888" not in html and "coordinator@example.jp" not in html


def test_an_unknown_area_is_404(client):
    assert client.get(reverse("volunteers:area_detail", args=["nowhere"])).status_code == 404


@pytest.mark.parametrize("n", [10, 1000])
def test_the_area_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    from tests.volunteers.test_associations_views import bulk_associations

    bulk_associations(n)
    slug = Area.objects.first().slug
    # area, team, association count, first associations (+organization), groups, districts, all areas,
    # places of public listings in the area with their 丁目 points (the map).
    with django_assert_max_num_queries(8):
        response = client.get(reverse("volunteers:area_detail", args=[slug]))
    assertContains(response, Area.objects.first().name)
    assertContains(response, "町会0")


def test_the_demo_loads_twice_without_changes(demo_data):
    from volunteers.demo import associations as demo_associations
    from volunteers.models import AssociationProfile, Commissioner, DistrictChome, NpoSeminar, Resource

    models = [AssociationProfile, Commissioner, DistrictChome, NpoSeminar, Resource, CoordinatorTeam, CollaboratorRegistration]
    before = {m.__name__: m.objects.count() for m in models}
    demo_associations.load()

    assert {m.__name__: m.objects.count() for m in models} == before
    assert before["CoordinatorTeam"] == 4
    assert set(AssociationProfile.objects.values_list("organization__area__slug", flat=True).distinct()) == {
        "nerima", "hikarigaoka", "shakujii", "oizumi",
    }
