"""町会・自治会 pages: directory, association page, join inquiry (account optional), マイ団体 inquiries, resources."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Area, Chome, Membership, Organization, PublicationStatus
from community.services.translations import translation_save
from tests.conftest import make_user
from tests.volunteers.factories_associations import chome, make_association, make_inquiry
from volunteers.models import AssociationProfile, JoinInquiry, Resource

pytestmark = pytest.mark.django_db

LIST = reverse("volunteers:association_list")


def detail_url(profile):
    return reverse("volunteers:association_detail", args=[profile.pk])


def inquiry_url(profile):
    return reverse("volunteers:association_inquiry", args=[profile.pk])


# --- directory ----------------------------------------------------------------------------------

def test_the_directory_lists_published_associations_with_their_chome_and_activities(client):
    make_association("豊玉北テスト町会", activities=["safety", "festival"])
    make_association("下書きの町会", status=PublicationStatus.DRAFT, name_kana="したがき")

    response = client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "豊玉北テスト町会" in html and "豊玉北5丁目" in html and "防犯・防災" in html
    assert "下書きの町会" not in html


def test_typing_an_address_lists_only_the_associations_covering_it(client):
    make_association("五丁目会", chomes=[chome("豊玉北", 5)], name_kana="ご")
    make_association("六丁目会", chomes=[chome("豊玉北", 6)], name_kana="ろく")

    html = client.get(LIST, {"address": "練馬区豊玉北５－１２"}).content.decode()

    assert "五丁目会" in html and "六丁目会" not in html
    assert "豊玉北5丁目" in html


@pytest.mark.parametrize(("params", "expected"), [({"area": "hikarigaoka"}, "光が丘会"), ({"activity": "cleaning"}, "清掃会")])
def test_the_directory_filters_by_area_and_activity(client, params, expected):
    make_association("光が丘会", chomes=[chome("光が丘", 2)], activities=["safety"], name_kana="ひ")
    make_association("清掃会", chomes=[chome("豊玉北", 5)], activities=["cleaning"], name_kana="せ")
    if "area" in params:
        params = {"area": Area.objects.get(slug=params["area"]).pk}

    html = client.get(LIST, params).content.decode()

    assert expected in html
    assert ({"光が丘会", "清掃会"} - {expected}).pop() not in html


def test_the_directory_filters_by_town(client):
    make_association("豊玉会", chomes=[chome("豊玉北", 5)], name_kana="と")
    make_association("桜台会", chomes=[chome("桜台", 3)], name_kana="さ")

    html = client.get(LIST, {"town": Chome.objects.get(town__name="桜台", number=3).town_id}).content.decode()

    assert "桜台会" in html and "豊玉会" not in html


def test_an_unreadable_address_keeps_what_was_typed_and_says_why(client):
    make_association()

    html = client.get(LIST, {"address": "どこか遠く"}).content.decode()

    assert 'value="どこか遠く"' in html
    assert "住所から町丁目を読み取れませんでした" in html
    assert "豊玉北テスト町会" not in html


# --- association page and join inquiry ---------------------------------------------------------

def test_the_association_page_shows_how_to_join_and_the_fee(client):
    profile = make_association(how_to_join="班長がご案内します。", fee_text="月額300円")

    html = client.get(detail_url(profile)).content.decode()

    assert "班長がご案内します。" in html and "月額300円" in html
    assert html.count("<h1") == 1


def test_an_unpublished_association_page_is_404(client):
    profile = make_association(status=PublicationStatus.RETURNED)

    assert client.get(detail_url(profile)).status_code == 404
    assert client.post(inquiry_url(profile), {"name": "a", "email": "a@example.jp"}).status_code == 404


def test_a_visitor_without_an_account_sends_a_join_inquiry(client):
    profile = make_association()

    response = client.post(
        inquiry_url(profile), {"name": "転入 太郎", "phone": "03-1111-2222", "message": "加入したいです"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:association_inquiry_sent", args=[profile.pk])
    inquiry = JoinInquiry.objects.get()
    assert (inquiry.association, inquiry.name, inquiry.phone, inquiry.user) == (
        profile.organization, "転入 太郎", "03-1111-2222", None,
    )
    assert inquiry.status == JoinInquiry.Status.NEW


def test_a_logged_in_resident_inquiry_remembers_who_sent_it(client, resident):
    profile = make_association()
    client.force_login(resident)

    client.post(inquiry_url(profile), {"name": "練馬 エミ", "email": "resident@example.jp"})

    assert JoinInquiry.objects.get().user == resident


def test_an_inquiry_without_a_way_to_reply_is_refused_next_to_the_field_and_keeps_the_text(client):
    profile = make_association()

    response = client.post(inquiry_url(profile), {"name": "転入 太郎", "message": "よろしく"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "メールアドレスか電話番号のどちらかを入力してください" in html
    assert 'id="id_email_error"' in html
    assert 'value="転入 太郎"' in html and "よろしく" in html
    assert not JoinInquiry.objects.exists()


def test_a_bad_email_is_explained(client):
    profile = make_association()

    html = client.post(inquiry_url(profile), {"name": "太郎", "email": "taro@"}).content.decode()

    assert "メールアドレスの形が正しくありません" in html
    assert not JoinInquiry.objects.exists()


def test_the_honeypot_stores_nothing_but_looks_like_success(client):
    profile = make_association()

    response = client.post(inquiry_url(profile), {"name": "bot", "email": "bot@example.jp", "website": "http://spam"})

    assert response.status_code == 302
    assert not JoinInquiry.objects.exists()


def test_only_neighbourhood_associations_accept_inquiries():
    from django.core.exceptions import ValidationError

    from volunteers.services.associations import join_inquiry_create

    npo = Organization.objects.create(name="NPO", name_kana="えぬ", kind="npo", status=PublicationStatus.PUBLISHED)
    with pytest.raises(ValidationError):
        join_inquiry_create(association=npo, name="a", email="a@example.jp")


# --- マイ団体: the association's inquiries ----------------------------------------------------

@pytest.fixture
def association(organization):
    return make_association(organization=organization)


def my_url(org):
    return reverse("volunteers:my_inquiries", args=[org.pk])


def answer_url(org, inquiry):
    return reverse("volunteers:my_inquiry_answered", args=[org.pk, inquiry.pk])


def test_members_see_their_associations_inquiries(client, org_member, association, other_organization):
    make_inquiry(association.organization, name="うちの問い合わせ")
    make_inquiry(other_organization, name="よその問い合わせ")
    client.force_login(org_member)

    html = client.get(my_url(association.organization)).content.decode()

    assert "うちの問い合わせ" in html and "taro@example.jp" in html
    assert "よその問い合わせ" not in html


def test_a_member_marks_an_inquiry_answered(client, org_member, association):
    inquiry = make_inquiry(association.organization)
    client.force_login(org_member)

    response = client.post(answer_url(association.organization, inquiry))

    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == JoinInquiry.Status.ANSWERED
    assert inquiry.answered_by == org_member and inquiry.answered_at is not None


def test_a_member_reopens_an_answered_inquiry(client, org_member, association):
    inquiry = make_inquiry(association.organization, status=JoinInquiry.Status.ANSWERED)
    client.force_login(org_member)

    client.post(answer_url(association.organization, inquiry), {"reopen": "1"})

    inquiry.refresh_from_db()
    assert inquiry.status == JoinInquiry.Status.NEW and inquiry.answered_at is None


def test_a_member_of_another_organization_gets_404_on_every_inquiry_url(client, other_org_member, association):
    inquiry = make_inquiry(association.organization)
    client.force_login(other_org_member)

    assert client.get(my_url(association.organization)).status_code == 404
    assert client.post(answer_url(association.organization, inquiry)).status_code == 404
    inquiry.refresh_from_db()
    assert inquiry.status == JoinInquiry.Status.NEW


def test_an_inquiry_of_another_organization_is_404_through_ones_own_url(
    client, other_org_member, association, other_organization
):
    inquiry = make_inquiry(association.organization)
    client.force_login(other_org_member)

    assert client.post(answer_url(other_organization, inquiry)).status_code == 404


def test_a_resident_who_is_no_member_gets_404_and_a_visitor_is_sent_to_login(client, resident, association):
    inquiry = make_inquiry(association.organization)

    response = client.get(my_url(association.organization))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(resident)
    assert client.get(my_url(association.organization)).status_code == 404
    assert client.post(answer_url(association.organization, inquiry)).status_code == 404


def test_staff_see_inquiry_counts_per_area_in_the_admin(client, staff):
    toyotama = make_association("豊玉会", chomes=[chome("豊玉北", 5)], name_kana="と")
    hikari = make_association("光が丘会", chomes=[chome("光が丘", 2)], name_kana="ひ")
    make_inquiry(toyotama.organization)
    make_inquiry(toyotama.organization, status=JoinInquiry.Status.ANSWERED)
    make_inquiry(hikari.organization)
    client.force_login(staff)

    response = client.get(reverse("admin:volunteers_joininquiry_changelist"))

    rows = {row["association__area__name"]: (row["total"], row["waiting"]) for row in response.context["counts_by_area"]}
    assert rows == {"練馬": (2, 1), "光が丘": (1, 1)}
    assert "地域別の加入の問い合わせ件数" in response.content.decode()


# --- resources ----------------------------------------------------------------------------------

def make_resource(**extra):
    resource = Resource(kind=Resource.Kind.HINTS, title="ヒント集", **extra)
    resource.file.save("hints.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    resource.save()
    return resource


def test_a_published_resource_downloads_as_pdf(client):
    resource = make_resource()

    response = client.get(reverse("volunteers:resource_download", args=[resource.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_an_unpublished_resource_is_404(client):
    resource = make_resource(is_published=False)

    assert client.get(reverse("volunteers:resource_download", args=[resource.pk])).status_code == 404


def test_the_admin_accepts_only_a_real_pdf(client, staff):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client.force_login(staff)
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    data = {"kind": "hints", "title": "ヒント集", "is_published": "on", "sort_order": 0}
    add = reverse("admin:volunteers_resource_add")

    refused = client.post(add, {**data, "file": SimpleUploadedFile("fake.pdf", buffer.getvalue())})
    assert refused.status_code == 200 and "PDFファイルを選んでください" in refused.content.decode()
    fake = client.post(add, {**data, "file": SimpleUploadedFile("x.pdf", b"<script>alert(1)</script>")})
    assert fake.status_code == 200 and not Resource.objects.exists()
    accepted = client.post(add, {**data, "file": SimpleUploadedFile("hints.pdf", b"%PDF-1.4\n%%EOF\n")})
    assert accepted.status_code == 302 and Resource.objects.count() == 1


# --- query budgets ------------------------------------------------------------------------------

def bulk_associations(n: int):
    chomes = list(Chome.objects.all()[:3])
    area = Area.objects.first()
    orgs = Organization.objects.bulk_create(
        [
            Organization(name=f"町会{i}", name_kana=f"ちょうかい{i:04d}", kind="chokai", status="published", area=area)
            for i in range(n)
        ]
    )
    profiles = AssociationProfile.objects.bulk_create([AssociationProfile(organization=o) for o in orgs])
    Through = AssociationProfile.chomes.through
    Through.objects.bulk_create([Through(associationprofile=p, chome=c) for p in profiles for c in chomes])
    from volunteers.models import AssociationActivity

    AssociationActivity.objects.bulk_create([AssociationActivity(profile=p, kind="safety") for p in profiles])
    return profiles


@pytest.mark.parametrize("language, budget", [("ja", 7), ("en", 8)])
@pytest.mark.parametrize("n", [10, 1000])
def test_the_directory_has_a_fixed_query_budget(client, django_assert_max_num_queries, n, language, budget, settings):
    profiles = bulk_associations(n)
    translation_save(obj=profiles[0].organization, language="en", texts={"name": "Neighbourhood association 0"})
    area = Area.objects.first()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    # 1 area (validating the filter), 1 count, 1 page of profiles (+organization, area, place),
    # 1 chomes (+town), 1 activities, 2 for the area and town options of the filter form;
    # in English 1 more: the organizations' translations, for the whole page at once.
    with django_assert_max_num_queries(budget):
        response = client.get(LIST, {"area": area.pk})
    assertContains(response, "Neighbourhood association 0" if language == "en" else "町会0")
    assert len(response.context["cards"]) == min(n, 20)


def test_a_directory_card_shows_an_edit_at_once(client):
    profile = make_association(name="けやき町会")
    assertContains(client.get(LIST), "けやき町会")
    profile.fee_text = "年額1,200円"
    profile.save(update_fields=["fee_text"])
    assertContains(client.get(LIST), "年額1,200円")


@pytest.mark.parametrize("n", [10, 1000])
def test_the_association_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    profiles = bulk_associations(n)
    # 1 profile (+organization, area, place), 1 chomes (+town), 1 activities, 1 photos.
    with django_assert_max_num_queries(4):
        response = client.get(detail_url(profiles[-1]))
    assertContains(response, f"町会{n - 1}")


@pytest.mark.parametrize("n", [10, 1000])
def test_my_inquiries_has_a_fixed_query_budget(client, django_assert_max_num_queries, org_member, association, n):
    JoinInquiry.objects.bulk_create(
        [JoinInquiry(association=association.organization, name=f"人{i}", email=f"p{i}@example.jp") for i in range(n)]
    )
    client.force_login(org_member)
    client.get(my_url(association.organization))  # warm the session
    # session, user, membership check, organization, waiting count, paginator count, page of inquiries,
    # user.memberships.exists in the header.
    with django_assert_max_num_queries(9):
        response = client.get(my_url(association.organization))
    assertContains(response, response.context["page"].object_list[0].email)


def test_an_organization_member_can_be_a_member_of_two_associations(client, org_member):
    second = Organization.objects.create(name="二つ目の町会", name_kana="ふたつめ", kind="chokai", status="published")
    Membership.objects.create(organization=second, user=org_member)
    make_inquiry(second, name="二つ目への問い合わせ")
    client.force_login(org_member)

    assert "二つ目への問い合わせ" in client.get(my_url(second)).content.decode()


def test_a_user_without_membership_cannot_reach_an_association_by_guessing(client):
    user = make_user("guess@example.jp")
    profile = make_association()
    client.force_login(user)

    assert client.get(my_url(profile.organization)).status_code == 404
