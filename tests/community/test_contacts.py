"""Contacts everywhere: every published listing names someone to phone — its own number, its organization's, or
the ward's desk for its area (the declared fallback) — as a tel: link; without one it is not published."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from community.contacts import listing_contact
from community.models import Area, PublicationStatus
from community.services.moderation import publishable_approve
from tests.conftest import make_listing, make_organization, make_place, make_session

WARD_PHONE = "03-3993-1111"  # the ward office's main number, organizations.csv (high confidence)


def test_every_area_falls_back_to_the_ward_office_from_the_shared_data(db):
    for area in Area.objects.all():
        assert (area.desk_phone, area.desk_address) == (WARD_PHONE, "東京都練馬区豊玉北6丁目12番1号")
        assert area.desk_hours == ""  # not in the data: not invented


def test_a_listing_phone_comes_first(organization, place):
    organization.contact_phone = "03-0000-0002"
    organization.save()
    listing = make_listing(organization, place=place, contact_phone="03-0000-0001")
    contact = listing_contact(listing)
    assert (contact.phone, contact.is_fallback) == ("03-0000-0001", False)


def test_then_the_organizations_phone_and_hours(organization, place):
    organization.contact_phone, organization.hours_text = "03-0000-0002", "平日 9:00〜17:00"
    organization.save()
    contact = listing_contact(make_listing(organization, place=place))
    assert (contact.name, contact.phone, contact.hours) == (organization.name, "03-0000-0002", "平日 9:00〜17:00")


def test_then_the_ward_desk_of_the_places_area(organization, place):
    contact = listing_contact(make_listing(organization, place=place))
    assert (contact.phone, contact.is_fallback, contact.tel) == (WARD_PHONE, True, "0339931111")


def test_then_the_ward_desk_of_the_organizations_area(db):
    organization = make_organization("地域だけの会", area=Area.objects.get(slug="oizumi"))
    assert listing_contact(make_listing(organization)).phone == WARD_PHONE


def test_a_staff_corrected_area_desk_is_used(organization, place):
    Area.objects.filter(pk=place.chome.town.area_id).update(desk_name="練馬総合福祉事務所（テスト）", desk_phone="03-0000-0300")
    place.refresh_from_db()
    contact = listing_contact(make_listing(organization, place=place))
    assert (contact.name, contact.phone) == ("練馬総合福祉事務所（テスト）", "03-0000-0300")


def test_no_phone_and_no_area_means_no_contact_and_no_publication(db):
    organization = make_organization("連絡先のない会")
    listing = make_listing(organization, status=PublicationStatus.PENDING)
    assert listing_contact(listing) is None
    with pytest.raises(ValidationError, match="電話での問い合わせ先がありません"):
        publishable_approve(obj=listing)
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.PENDING


def test_with_a_phone_the_same_listing_is_published(db):
    organization = make_organization("連絡先のある会")
    listing = make_listing(organization, status=PublicationStatus.PENDING, contact_phone="03-0000-0009")
    publishable_approve(obj=listing)
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.PUBLISHED


def test_the_admin_refuses_to_approve_it_with_the_reason(client, staff):
    from cafes.models import CareCafe

    cafe = CareCafe.objects.create(
        organization=make_organization("連絡先のないカフェの会"), title="連絡先のないカフェ", title_kana="れんらくさきのないかふぇ",
        status=PublicationStatus.PENDING, cafe_type="gathering",
    )
    client.force_login(staff)
    response = client.post(
        reverse("admin:cafes_carecafe_changelist"), {"action": "approve", "_selected_action": [cafe.pk]}, follow=True
    )
    assert "電話での問い合わせ先がありません" in response.content.decode()
    cafe.refresh_from_db()
    assert cafe.status == PublicationStatus.PENDING


def test_the_session_page_gives_people_without_e_mail_a_number_to_call(client, listing):
    session = make_session(listing)
    page = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert f'href="tel:0339931111">{WARD_PHONE}</a>' in page
    assert "メールをお使いでない方は、練馬区役所（代表電話）へお電話ください" in page


def test_a_plazas_own_phone_is_its_contact_on_its_sessions(client, organization, place):
    from hiroba.models import Plaza

    plaza = Plaza.objects.create(
        organization=organization, title="テストひろば", title_kana="てすとひろば", place=place, hours_text="火曜",
        phone="03-0000-0505", status=PublicationStatus.PUBLISHED,
    )
    session = make_session(plaza)
    page = client.get(reverse("community:session_detail", args=[session.pk])).content.decode()
    assert 'href="tel:0300000505"' in page


def test_the_organization_page_shows_its_contact(client, organization):
    page = client.get(reverse("community:organization_detail", args=[organization.pk])).content.decode()
    organization.refresh_from_db()
    assert organization.area_id is None and "電話での問い合わせ" not in page  # nothing to show, nothing invented
    organization.area = Area.objects.get(slug="nerima")
    organization.save()
    page = client.get(reverse("community:organization_detail", args=[organization.pk])).content.decode()
    assert 'href="tel:0339931111"' in page and "地域の区の窓口をご案内しています" in page


def test_a_care_cafe_page_and_the_print_sheet_carry_the_phone_as_a_link(client, organization):
    from cafes.models import CareCafe

    place = make_place("石神井テスト会館", town="石神井町", number=1)
    cafe = CareCafe.objects.create(
        organization=organization, title="テストカフェ", title_kana="てすとかふぇ", place=place, cafe_type="gathering",
        contact_phone="03-0000-0707", status=PublicationStatus.PUBLISHED,
    )
    start = make_session(cafe).starts_at
    page = client.get(cafe.get_absolute_url()).content.decode()
    assert 'href="tel:0300000707"' in page
    sheet = client.get(reverse("cafes:print_month", args=["shakujii"]), {"month": f"{start:%Y-%m}"}).content.decode()
    assert 'href="tel:0300000707"' in sheet


def test_the_finder_gives_the_support_centre_and_its_phone_for_hikarigaoka_2(client, db):
    from community.models import Chome
    from hiroba.models import SupportCenterCoverage

    center = make_organization("光が丘テスト地域包括支援センター", kind="houkatsu", area=Area.objects.get(slug="hikarigaoka"),
                               address="東京都練馬区光が丘2丁目（テスト）")
    chome = Chome.objects.get(town__name="光が丘", number=2)
    SupportCenterCoverage.objects.create(center=center, chome=chome, is_confirmed=True)
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "光が丘2丁目"})
    page = response.content.decode()
    assert center.name in page and "東京都練馬区光が丘2丁目（テスト）" in page
    # The centre publishes no number in the data: the area's ward desk is given, and said to be one.
    assert 'href="tel:0339931111"' in page and "地域の区の窓口をご案内しています" in page


def test_no_demo_session_that_needs_a_sign_up_lacks_a_phone(demo_data):
    from community.models import Session

    sessions = Session.objects.visible().filter(signup_required=True, starts_at__gte=dt.datetime.now(dt.UTC))
    assert sessions.exists()
    assert all(session.listing.specific.contact is not None for session in sessions.select_related("listing"))
