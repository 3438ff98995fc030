"""Factories for 町会・自治会, 民生・児童委員 and 協働推進員 tests (plain functions, like tests/conftest.py)."""

import datetime as dt

from community.models import Area, Chome, Organization, PublicationStatus
from volunteers.models import (
    AssociationActivity,
    AssociationProfile,
    Commissioner,
    CommissionerDistrict,
    DistrictChome,
    JoinInquiry,
)
from volunteers.models.commissioners import term_end_for

COMMISSIONER_NAME = "（架空）秘密野 守子"
COMMISSIONER_PHONE = "090-1234-5678"


def chome(town: str, number: int) -> Chome:
    return Chome.objects.select_related("town__area").get(town__name=town, number=number)


def make_association(name: str = "豊玉北テスト町会", *, chomes=(), activities=("safety",), organization=None, **extra):
    chome_list = list(chomes) or [chome("豊玉北", 5)]
    if organization is None:
        organization = Organization.objects.create(
            name=name,
            name_kana=extra.pop("name_kana", "とよたまきたてすとちょうかい"),
            kind=Organization.Kind.NEIGHBORHOOD,
            status=extra.pop("status", PublicationStatus.PUBLISHED),
            area=chome_list[0].town.area,
        )
    profile = AssociationProfile.objects.create(organization=organization, **extra)
    profile.chomes.set(chome_list)
    for kind in activities:
        AssociationActivity.objects.create(profile=profile, kind=kind)
    return profile


def make_district(name: str = "練馬第1地区（テスト）", *, chomes=(), area=None) -> CommissionerDistrict:
    chome_list = list(chomes) or [chome("豊玉北", 5)]
    district = CommissionerDistrict.objects.create(
        name=name,
        area=area or chome_list[0].town.area,
        contact_office="練馬区役所 福祉部（テスト窓口）",
        contact_phone="03-3993-1111",
        contact_hours="平日 8:30〜17:15",
    )
    DistrictChome.objects.bulk_create([DistrictChome(district=district, chome=c) for c in chome_list])
    return district


def make_commissioner(district, *, name: str = COMMISSIONER_NAME, phone: str = COMMISSIONER_PHONE, start=None, **extra):
    start = start or dt.date(2025, 12, 1)
    return Commissioner.objects.create(
        full_name=name, full_name_kana="ひみつの もりこ", phone=phone, district=district,
        term_start=start, term_end=extra.pop("term_end", term_end_for(start)), **extra,
    )


def make_inquiry(association, *, name: str = "転入 太郎", email: str = "taro@example.jp", **extra) -> JoinInquiry:
    return JoinInquiry.objects.create(association=association, name=name, email=email, **extra)


def area(slug: str) -> Area:
    return Area.objects.get(slug=slug)
