"""マイ団体 pages: applying, editing the profile, listings and places, inviting and removing members."""

import io
import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.models import Chome, Invitation, Listing, Membership, Organization, Place, PublicationStatus
from community.services import moderation
from community.services.organizations import invitation_token
from tests.conftest import make_listing, make_user

APPLY = {
    "kind": "volunteer", "name": "豊玉みまもり隊", "name_kana": "とよたまみまもりたい", "description": "見守り活動",
    "area": "", "address": "", "contact_phone": "", "contact_email": "", "website": "",
}


def _photo() -> SimpleUploadedFile:
    image = Image.new("RGB", (4000, 3000), "orange")
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("logo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_applying_registers_a_pending_organization_that_is_not_public(client, resident):
    client.force_login(resident)
    response = client.post(reverse("community:organization_apply"), {**APPLY, "logo": _photo()})
    org = Organization.objects.get(name="豊玉みまもり隊")
    assert response.status_code == 302
    assert response.url == reverse("community:organization_dashboard", args=[org.pk])
    assert org.status == PublicationStatus.PENDING
    assert org.memberships.get().user == resident
    logo = Image.open(org.logo.path)
    assert max(logo.size) == 1600 and not logo.getexif()
    assert client.get(reverse("community:organization_detail", args=[org.pk])).status_code == 404
    page = client.get(reverse("community:my_organizations")).content.decode()
    assert "豊玉みまもり隊" in page and "承認待ち" in page


def test_a_bad_reading_is_shown_next_to_its_field_and_what_was_typed_is_kept(client, resident):
    client.force_login(resident)
    response = client.post(reverse("community:organization_apply"), {**APPLY, "name_kana": "豊玉 mimamori"})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_name_kana_error"' in body and "ひらがなで入力してください" in body
    assert 'value="豊玉みまもり隊"' in body
    assert not Organization.objects.exists()


def test_a_public_phone_needs_the_confirmation_that_it_is_not_private(client, resident):
    client.force_login(resident)
    response = client.post(reverse("community:organization_apply"), {**APPLY, "contact_phone": "090-1234-5678"})
    assert response.status_code == 400
    assert "団体の代表番号であること" in response.content.decode()
    response = client.post(
        reverse("community:organization_apply"), {**APPLY, "contact_phone": "03-1234-5678", "phone_is_public_number": "on"}
    )
    assert response.status_code == 302


def test_a_returned_organization_shows_the_reason_and_is_resubmitted_when_saved(client, org_member, organization):
    moderation.publishable_return(obj=organization, reason="活動内容をもう少し詳しく書いてください")
    client.force_login(org_member)
    assert "活動内容をもう少し詳しく" in client.get(reverse("community:my_organizations")).content.decode()
    assert "活動内容をもう少し詳しく" in client.get(reverse("community:organization_dashboard", args=[organization.pk])).content.decode()
    data = {**APPLY, "kind": "chokai", "name": organization.name, "name_kana": organization.name_kana, "description": "毎月の清掃"}
    response = client.post(reverse("community:organization_edit", args=[organization.pk]), data)
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.status == PublicationStatus.PENDING
    assert organization.description == "毎月の清掃"


def test_a_new_listing_is_submitted_for_review(client, org_member, organization, place):
    place.organization = organization
    place.save()
    client.force_login(org_member)
    response = client.post(
        reverse("community:listing_create", args=[organization.pk]),
        {"title": "みんなの体操", "title_kana": "みんなのたいそう", "place": place.pk, "summary": "椅子に座ってできる体操"},
    )
    assert response.status_code == 302
    listing = Listing.objects.get(title="みんなの体操")
    assert listing.status == PublicationStatus.PENDING and listing.organization == organization
    dashboard = client.get(reverse("community:organization_dashboard", args=[organization.pk])).content.decode()
    assert "みんなの体操" in dashboard and "承認待ち" in dashboard
    assert listing.get_manage_url() in dashboard


def test_a_place_of_another_organization_cannot_be_chosen_for_a_listing(client, org_member, organization):
    foreign = Place.objects.create(name="よその会館", address="練馬区豊玉北5-1", chome=Chome.objects.get(town__name="豊玉北", number=5))
    client.force_login(org_member)
    response = client.post(
        reverse("community:listing_create", args=[organization.pk]),
        {"title": "t", "title_kana": "て", "place": foreign.pk},
    )
    assert response.status_code == 400
    assert not Listing.objects.filter(title="t").exists()


def test_editing_a_published_listing_goes_live_at_once_with_history(client, org_member, organization):
    listing = make_listing(organization, title="旧い名前")
    client.force_login(org_member)
    response = client.post(
        reverse("community:listing_edit", args=[organization.pk, listing.pk]),
        {"title": "新しい名前", "title_kana": "あたらしいなまえ"},
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.PUBLISHED and listing.title == "新しい名前"
    latest = listing.history.latest()
    assert latest.history_user == org_member and latest.prev_record.title == "旧い名前"


def test_a_place_finds_its_chome_from_the_address(client, org_member, organization):
    client.force_login(org_member)
    response = client.post(
        reverse("community:place_create", args=[organization.pk]),
        {"name": "豊玉会館", "name_kana": "とよたまかいかん", "address": "練馬区豊玉北５－３", "nearest_station": "練馬",
         "walk_minutes": "5", "wheelchair_accessible": "on", "has_accessible_toilet": "on"},
    )
    assert response.status_code == 302
    place = Place.objects.get(name="豊玉会館")
    assert str(place.chome) == "豊玉北5丁目" and place.organization == organization
    assert place.wheelchair_accessible and not place.has_elevator
    assert "豊玉会館" in client.get(reverse("community:place_list", args=[organization.pk])).content.decode()


def test_an_address_outside_the_ward_asks_for_the_chome(client, org_member, organization):
    client.force_login(org_member)
    data = {"name": "新宿の会場", "address": "新宿区西新宿2-8-1"}
    response = client.post(reverse("community:place_create", args=[organization.pk]), data)
    assert response.status_code == 400
    assert "町丁目を選んでください" in response.content.decode()
    chome = Chome.objects.get(town__name="光が丘", number=2)
    response = client.post(reverse("community:place_create", args=[organization.pk]), {**data, "chome": chome.pk})
    assert response.status_code == 302
    assert Place.objects.get(name="新宿の会場").chome == chome


def test_a_representative_invites_and_the_invitee_accepts_after_logging_in(
    client, org_member, organization, django_capture_on_commit_callbacks
):
    client.force_login(org_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:member_list", args=[organization.pk]), {"email": "new@example.jp", "role": "editor"}
        )
    assert response.status_code == 302
    assert mail.outbox[0].to == ["new@example.jp"]
    assert Invitation.objects.get().email == "new@example.jp"
    # The link as mailed (a token made again now could carry another second's timestamp).
    url = re.search(r"/invitations/[^/\s]+/", mail.outbox[0].body).group(0)
    client.logout()
    assert client.get(url).url.startswith(reverse("account_login"))
    newcomer = make_user("new@example.jp", name="新人 ナナ")
    client.force_login(newcomer)
    assert "招待を受けて参加する" in client.get(url).content.decode()
    response = client.post(url)
    assert response.url == reverse("community:organization_dashboard", args=[organization.pk])
    assert Membership.objects.get(user=newcomer).role == Membership.Role.EDITOR
    assert client.get(url).status_code == 404  # used once


def test_someone_else_cannot_use_an_invitation(client, org_member, organization, resident):
    invitation = Invitation.objects.create(organization=organization, email="new@example.jp", invited_by=org_member)
    client.force_login(resident)
    url = reverse("community:invitation_accept", args=[invitation_token(invitation)])
    assert "new@example.jp あて" in client.get(url).content.decode()
    assert client.post(url).status_code == 400
    assert not Membership.objects.filter(user=resident).exists()


def test_a_tampered_invitation_link_is_refused(client, resident):
    client.force_login(resident)
    response = client.get(reverse("community:invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "この招待リンクは使えません" in response.content.decode()


def test_the_last_representative_is_kept_and_an_editor_can_be_removed(client, org_member, organization):
    editor = Membership.objects.create(organization=organization, user=make_user("e@example.jp"), role="editor")
    me = Membership.objects.get(user=org_member)
    client.force_login(org_member)
    response = client.post(reverse("community:member_remove", args=[organization.pk, me.pk]), follow=True)
    assert "最後の代表者は削除できません" in response.content.decode()
    assert Membership.objects.filter(pk=me.pk).exists()
    client.post(reverse("community:member_remove", args=[organization.pk, editor.pk]))
    assert not Membership.objects.filter(pk=editor.pk).exists()


def test_a_representative_can_make_an_editor_representative(client, org_member, organization):
    editor = Membership.objects.create(organization=organization, user=make_user("e@example.jp"), role="editor")
    client.force_login(org_member)
    client.post(reverse("community:member_role", args=[organization.pk, editor.pk]), {"role": "representative"})
    editor.refresh_from_db()
    assert editor.role == Membership.Role.REPRESENTATIVE


def test_my_organizations_lists_only_mine(client, org_member, organization, other_organization):
    client.force_login(org_member)
    body = client.get(reverse("community:my_organizations")).content.decode()
    assert organization.name in body and other_organization.name not in body


def test_a_reading_typed_in_katakana_or_half_width_is_stored_in_hiragana(client, resident):
    client.force_login(resident)
    response = client.post(reverse("community:organization_apply"), {**APPLY, "name_kana": "ﾄﾖﾀﾏ ミマモリタイ"})
    assert response.status_code == 302
    assert Organization.objects.get().name_kana == "とよたま みまもりたい"
