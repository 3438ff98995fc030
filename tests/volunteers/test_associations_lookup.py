"""Address → association and address → district, however the address is written."""

import pytest

from tests.volunteers.factories_associations import chome, make_association, make_commissioner, make_district
from volunteers import queries
from volunteers.forms.associations import AddressLookupForm, AssociationSearchForm

pytestmark = pytest.mark.django_db

WRITINGS_OF_TOYOTAMAKITA_5 = [
    "練馬区豊玉北5丁目",
    "東京都練馬区豊玉北５丁目",
    "豊玉北５－３－１",
    "豊玉北5-3-1",
    "練馬区 豊玉北 五丁目",
    "とよたまきた5丁目",
]


@pytest.mark.parametrize("address", WRITINGS_OF_TOYOTAMAKITA_5)
def test_an_address_written_any_common_way_finds_the_association_covering_it(address):
    profile = make_association(chomes=[chome("豊玉北", 5)])
    make_association("豊玉北6丁目会", chomes=[chome("豊玉北", 6)], name_kana="とよたまきたろく")

    form = AddressLookupForm({"address": address})

    assert form.is_valid(), form.errors
    assert list(queries.associations_for_chome(form.cleaned_data["chome"])) == [profile]


@pytest.mark.parametrize("address", WRITINGS_OF_TOYOTAMAKITA_5)
def test_an_address_written_any_common_way_finds_its_commissioner_district(address):
    district = make_district(chomes=[chome("豊玉北", 5)])
    make_district("練馬第2地区", chomes=[chome("豊玉北", 6)])

    form = AddressLookupForm({"address": address})

    assert form.is_valid(), form.errors
    found = queries.district_for_chome(form.cleaned_data["chome"])
    assert found.pk == district.pk
    assert found.name == "練馬第1地区（テスト）"
    assert found.contact_phone == "03-3993-1111"


def test_district_for_chome_carries_public_fields_only():
    district = make_district()
    make_commissioner(district)

    found = queries.district_for_chome(chome("豊玉北", 5))

    assert set(vars(found)) == {
        "pk", "name", "area_name", "contact_office", "contact_phone", "contact_hours", "contact_form_url", "about_url",
    }
    assert "秘密野" not in repr(found)
    assert "090-1234-5678" not in repr(found)


def test_district_for_chome_is_none_when_no_district_or_no_chome():
    assert queries.district_for_chome(chome("豊玉北", 5)) is None
    assert queries.district_for_chome(None) is None


def test_a_chome_belongs_to_one_district_only():
    from django.db import IntegrityError

    make_district(chomes=[chome("豊玉北", 5)])
    with pytest.raises(IntegrityError):
        make_district("重複地区", chomes=[chome("豊玉北", 5)])


def test_an_unreadable_address_gets_an_error_next_to_the_field():
    form = AddressLookupForm({"address": "大阪市北区1-1"})

    assert not form.is_valid()
    assert "町名と丁目を入力してください" in form.errors["address"][0]


def test_a_town_without_chome_number_narrows_the_directory_to_the_town():
    form = AssociationSearchForm({"address": "練馬区豊玉北"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["chome"] is None
    assert form.cleaned_data["town"].name == "豊玉北"


def test_several_associations_may_cover_one_chome():
    first = make_association("A町会", chomes=[chome("光が丘", 2)], name_kana="あ")
    second = make_association("B団地自治会", chomes=[chome("光が丘", 2)], name_kana="い")

    assert list(queries.associations_for_chome(chome("光が丘", 2))) == [first, second]


def test_unpublished_associations_are_not_found():
    from community.models import PublicationStatus

    make_association(status=PublicationStatus.PENDING)

    assert list(queries.associations_for_chome(chome("豊玉北", 5))) == []
