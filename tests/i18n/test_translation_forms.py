"""Translations are written where the Japanese is: マイ団体's listing and organization pages and the admin."""

import pytest
from django.urls import reverse

from community.models import ListingTranslation, OrganizationTranslation
from tests.cafes.conftest import make_care_cafe

pytestmark = pytest.mark.django_db


def listing_form_data(listing, **translations) -> dict:
    data = {
        "title": listing.title, "title_kana": listing.title_kana, "summary": "", "description": "",
        "place": "", "audience": "", "fee_text": "", "contact_text": "",
    }
    data.update(translations)
    return data


def test_a_member_writes_the_english_and_easy_japanese_of_a_listing(client, org_member, listing):
    client.force_login(org_member)
    url = reverse("community:listing_edit", args=[listing.organization_id, listing.pk])
    page = client.get(url).content.decode()
    assert 'name="tr-en-title"' in page and 'name="tr-ja-x-easy-title"' in page and 'lang="tl"' in page
    response = client.post(url, listing_form_data(listing, **{"tr-en-title": "Tea salon", "tr-ja-x-easy-title": "おちゃの 会"}))
    assert response.status_code == 302
    assert dict(ListingTranslation.objects.filter(listing=listing).values_list("language", "title")) == {
        "en": "Tea salon", "ja-x-easy": "おちゃの 会",
    }
    assert "Tea salon" in client.get(f"/en{listing.get_absolute_url()}").content.decode()


def test_a_too_long_translation_is_refused_next_to_its_box_and_nothing_is_saved(client, org_member, listing):
    client.force_login(org_member)
    url = reverse("community:listing_edit", args=[listing.organization_id, listing.pk])
    data = listing_form_data(listing, title="新しい名前", **{"tr-en-title": "x" * 121, "tr-tl-title": "Kapihan"})
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_tr-en-title_error"' in page and 'value="Kapihan"' in page
    listing.refresh_from_db()
    assert listing.title == "テストの集い"
    assert not ListingTranslation.objects.exists()


def test_another_organizations_member_cannot_reach_the_translations(client, other_org_member, listing):
    client.force_login(other_org_member)
    url = reverse("community:listing_edit", args=[listing.organization_id, listing.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, listing_form_data(listing, **{"tr-en-title": "Hijacked"})).status_code == 404
    assert not ListingTranslation.objects.exists()


def test_a_member_translates_the_organization(client, org_member, organization):
    client.force_login(org_member)
    url = reverse("community:organization_edit", args=[organization.pk])
    data = {
        "kind": organization.kind, "name": organization.name, "name_kana": organization.name_kana,
        "description": "", "area": "", "address": "", "contact_phone": "", "contact_email": "", "website": "",
        "tr-ko-name": "네리마 테스트 자치회",
    }
    assert client.post(url, data).status_code == 302
    assert OrganizationTranslation.objects.get(organization=organization, language="ko").name == "네리마 테스트 자치회"


def test_staff_translate_any_listing_kind_in_the_admin_with_one_box_per_language(client, staff, organization, place):
    cafe = make_care_cafe(organization, place=place)
    client.force_login(staff)
    url = reverse("admin:cafes_carecafe_change", args=[cafe.pk])
    page = client.get(url).content.decode()
    assert page.count('name="translations-') > 0
    assert 'name="translations-TOTAL_FORMS" value="5"' in page
    for index, code in enumerate(["en", "zh-hans", "ko", "tl", "ja-x-easy"]):
        assert f'name="translations-{index}-language"' in page and f'value="{code}" selected' in page
    assert 'name="translations-0-photo_alt"' in page  # the café's own translatable field
