"""マイ団体: association members edit their own page; the 民生・児童委員 roster and contacts are 区職員 only."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains

from community.models import Membership, Place
from tests.conftest import make_place, make_user
from tests.volunteers.factories_associations import chome, make_association, make_commissioner, make_district
from volunteers.models import AssociationPhoto, AssociationProfile, CommissionerContact

pytestmark = pytest.mark.django_db


def png(name: str = "matsuri.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def association(organization):
    """The persona organization (a 町会) with its association page covering 豊玉北5丁目."""
    return make_association(organization=organization, fee_text="月額300円", how_to_join="班長へ")


def url(org_pk) -> str:
    return reverse("volunteers:my_association", args=[org_pk])


def form_data(**extra):
    return {
        "activities": ["safety", "festival"],
        "meeting_place": "",
        "meeting_note": "役員会は第1日曜",
        "how_to_join": "下のフォームからどうぞ",
        "fee_text": "月額200円",
        "households": "350",
        "new_photo_alt": "",
        **extra,
    }


# --- the member edits ----------------------------------------------------------------------------


def test_a_member_sees_the_page_with_the_chome_read_only(client, org_member, association):
    client.force_login(org_member)

    response = client.get(url(association.organization_id))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "豊玉北5丁目" in html and "区が管理しています" in html
    assert 'name="chomes"' not in html
    assert re.search(r'<input[^>]*value="safety"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="festival"[^>]*checked', html)


def test_a_member_saves_activities_place_fee_and_a_photo_and_the_public_page_shows_them(
    client, org_member, association
):
    hall = make_place("豊玉北テスト会館", organization=association.organization)
    client.force_login(org_member)

    response = client.post(
        url(association.organization_id),
        form_data(meeting_place=hall.pk, new_photo=png(), new_photo_alt="夏祭りの盆踊り", chomes=[chome("豊玉北", 1).pk]),
    )

    assert response.status_code == 302
    association.refresh_from_db()
    assert association.fee_text == "月額200円" and association.households == 350
    assert association.meeting_place == hall
    assert sorted(association.activities.values_list("kind", flat=True)) == ["festival", "safety"]
    photo = association.photos.get()
    assert photo.alt_text == "夏祭りの盆踊り" and photo.image.name.endswith(".png")
    # The covered 町丁目 stay as staff set them, whatever was posted.
    assert [str(c) for c in association.chomes.all()] == ["豊玉北5丁目"]
    public = client.get(reverse("volunteers:association_detail", args=[association.pk])).content.decode()
    assert "月額200円" in public and "夏祭りの盆踊り" in public and "豊玉北テスト会館" in public


def test_a_kept_activity_keeps_its_note(org_member, association, client):
    association.activities.filter(kind="safety").update(note="夜回り毎週")
    client.force_login(org_member)

    client.post(url(association.organization_id), form_data(activities=["safety", "green"]))

    assert dict(association.activities.values_list("kind", "note")) == {"safety": "夜回り毎週", "green": ""}


def test_an_editor_may_edit_too(client, association):
    editor = make_user("editor@example.jp")
    Membership.objects.create(organization=association.organization, user=editor, role=Membership.Role.EDITOR)
    client.force_login(editor)

    assert client.post(url(association.organization_id), form_data()).status_code == 302
    association.refresh_from_db()
    assert association.fee_text == "月額200円"


def test_a_member_removes_a_photo(client, org_member, association):
    client.force_login(org_member)
    client.post(url(association.organization_id), form_data(new_photo=png(), new_photo_alt="清掃活動"))
    photo = association.photos.get()

    response = client.post(url(association.organization_id), form_data(remove_photos=[photo.pk]))

    assert response.status_code == 302
    assert not AssociationPhoto.objects.exists()


def test_a_photo_needs_a_description_and_nothing_is_saved_without_it(client, org_member, association):
    client.force_login(org_member)

    response = client.post(url(association.organization_id), form_data(new_photo=png()))

    assert response.status_code == 400
    html = response.content.decode()
    assert "写真の内容を短く書いてください" in html
    assert 'value="月額200円"' in html  # what was typed is kept
    association.refresh_from_db()
    assert association.fee_text == "月額300円" and not association.photos.exists()


def test_a_file_that_is_not_an_image_is_refused_next_to_the_field(client, org_member, association):
    client.force_login(org_member)
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")

    response = client.post(url(association.organization_id), form_data(new_photo=fake, new_photo_alt="写真"))

    assert response.status_code == 400
    assert "画像として読み込めませんでした" in response.content.decode()
    assert not association.photos.exists()


def test_at_most_six_photos(client, org_member, association):
    for n in range(6):
        AssociationPhoto.objects.create(profile=association, image=f"associations/photos/{n}.png", alt_text=f"写真{n}")
    client.force_login(org_member)

    response = client.post(url(association.organization_id), form_data(new_photo=png(), new_photo_alt="7枚目"))

    assert response.status_code == 400
    assert "写真は6枚までです" in response.content.decode()
    assert association.photos.count() == 6


def test_another_organizations_place_cannot_be_the_meeting_place(client, org_member, association, other_organization):
    elsewhere = make_place("よその会館", organization=other_organization)
    client.force_login(org_member)

    response = client.post(url(association.organization_id), form_data(meeting_place=elsewhere.pk))

    assert response.status_code == 400
    assert "正しく選択してください" in response.content.decode()
    association.refresh_from_db()
    assert association.meeting_place is None


def test_a_chokai_without_a_page_yet_gets_one_on_first_save(client, org_member, organization):
    client.force_login(org_member)
    assert client.get(url(organization.pk)).status_code == 200

    assert client.post(url(organization.pk), form_data()).status_code == 302
    profile = AssociationProfile.objects.get(organization=organization)
    assert profile.fee_text == "月額200円" and profile.chomes.count() == 0


# --- who may not ---------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_of_another_organization_gets_404(client, other_org_member, association, method):
    client.force_login(other_org_member)

    response = getattr(client, method)(url(association.organization_id), form_data() if method == "post" else None)

    assert response.status_code == 404
    association.refresh_from_db()
    assert association.fee_text == "月額300円"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_resident_who_is_not_a_member_gets_404(client, resident, association, method):
    client.force_login(resident)

    response = getattr(client, method)(url(association.organization_id), form_data() if method == "post" else None)

    assert response.status_code == 404


def test_a_member_of_a_group_that_is_not_a_chokai_gets_404_on_its_own_url(client, other_org_member, other_organization):
    client.force_login(other_org_member)

    assert client.get(url(other_organization.pk)).status_code == 404
    assert client.post(url(other_organization.pk), form_data()).status_code == 404
    assert not AssociationProfile.objects.exists()


def test_a_visitor_is_sent_to_log_in(client, association):
    response = client.get(url(association.organization_id))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_menu_and_the_public_page_link_members_to_the_editor(client, org_member, association):
    client.force_login(org_member)

    dashboard = client.get(reverse("community:organization_dashboard", args=[association.organization_id]))
    public = client.get(reverse("volunteers:association_detail", args=[association.pk]))

    assert url(association.organization_id) in dashboard.content.decode()
    assert url(association.organization_id) in public.content.decode()


@pytest.mark.parametrize("n", [10, 1000])
def test_the_editor_has_a_fixed_query_budget(client, org_member, association, django_assert_max_num_queries, n):
    here = chome("豊玉北", 5)
    Place.objects.bulk_create(
        [Place(name=f"会館{i}", address="練馬区豊玉北5丁目", chome=here, organization=association.organization) for i in range(n)]
    )
    for i in range(3):
        AssociationPhoto.objects.create(profile=association, image=f"associations/photos/{i}.png", alt_text=f"写真{i}")
    client.force_login(org_member)

    # session, user, membership check, organization, profile (+meeting place), chomes, their towns, activities,
    # photos (shown), the header's マイ団体 check, the place options, the photos again as remove-choices
    with django_assert_max_num_queries(12):
        response = client.get(url(association.organization_id))
    assertContains(response, "会館0")  # the meeting-place options
    assertContains(response, "写真2")


# --- the roster is 区職員 only ---------------------------------------------------------------------


@pytest.mark.parametrize("model", ["commissioner", "commissionercontact"])
def test_a_coordinator_cannot_open_the_roster_or_the_contacts(client, coordinator, model):
    make_commissioner(make_district())
    client.force_login(coordinator)

    assert client.get(reverse(f"admin:volunteers_{model}_changelist")).status_code == 403
    assert f"/admin/volunteers/{model}/" not in client.get(reverse("admin:index")).content.decode()


def test_a_coordinator_cannot_open_one_commissioner_or_contact(client, coordinator):
    commissioner = make_commissioner(make_district())
    contact = CommissionerContact.objects.create(address="豊玉北5", name="相談 花子", phone="03-1", message="相談")
    client.force_login(coordinator)

    assert client.get(reverse("admin:volunteers_commissioner_change", args=[commissioner.pk])).status_code == 403
    assert client.get(reverse("admin:volunteers_commissionercontact_change", args=[contact.pk])).status_code == 403


@pytest.mark.parametrize("model", ["commissioner", "commissionercontact"])
def test_ward_staff_open_the_roster_and_the_contacts(client, staff, model):
    make_commissioner(make_district())
    client.force_login(staff)

    assert client.get(reverse(f"admin:volunteers_{model}_changelist")).status_code == 200


def test_coordinators_keep_the_public_district_list(client, coordinator):
    make_district()
    client.force_login(coordinator)

    assert client.get(reverse("admin:volunteers_commissionerdistrict_changelist")).status_code == 200

