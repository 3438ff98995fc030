"""hiroba fixtures: plazas, the support-centre map, desks of other apps and consultation requests."""

import datetime as dt

import pytest
from django.utils import timezone

from community.models import Chome
from hiroba.models import (
    ConsultationDesk,
    ConsultationRequest,
    ConsultationTeam,
    Plaza,
    SupportCenterCoverage,
)
from hiroba.services import consultations as services
from tests.conftest import make_organization, make_place, make_user


def make_plaza(organization, *, title="テストひろば", place=None, activities=("chat",), status="published", **extra):
    plaza = Plaza.objects.create(
        organization=organization, title=title, title_kana=extra.pop("title_kana", "てすとひろば"), place=place,
        status=status, hours_text=extra.pop("hours_text", "毎週火曜 10:00–15:00"), **extra,
    )
    services.plaza_set_activities(plaza=plaza, activities=list(activities))
    return plaza


def bulk_plazas(organization, place, rows: int, activities=("care", "chat")) -> None:
    """`rows` published plazas fast: one bulk insert of the listings, then the plaza rows and activities."""
    from community.models import Listing
    from hiroba.models import PlazaActivity

    listings = Listing.objects.bulk_create([
        Listing(organization=organization, title=f"ひろば{i}", title_kana=f"ひろば{i:04}", place=place,
                status="published", kind="hiroba.plaza")
        for i in range(rows)
    ])
    for listing in listings:
        # raw=True writes the child table only; multi-table models cannot be bulk-created.
        Plaza(listing_ptr_id=listing.pk, hours_text="毎週火曜").save_base(raw=True)
    PlazaActivity.objects.bulk_create(
        [PlazaActivity(plaza_id=listing.pk, activity=a) for listing in listings for a in activities]
    )


def make_consultation(**extra) -> ConsultationRequest:
    values = {
        "topic": "elderly", "message": "ひみつの相談内容です", "contact_method": "phone", "name": "相談 花子",
        "phone": "03-1111-2222",
    }
    values.update(extra)
    return services.consultation_create(**values)


@pytest.fixture
def chome_kitamachi6():
    return Chome.objects.select_related("town__area").get(town__name="北町", number=6)


@pytest.fixture
def support_center(chome_kitamachi6):
    center = make_organization("北町はるのひ地域包括支援センター", kind="houkatsu", name_kana="きたまちはるのひ",
                               contact_phone="03-5399-5347", area=chome_kitamachi6.town.area)
    SupportCenterCoverage.objects.create(center=center, chome=chome_kitamachi6, is_confirmed=True)
    return center


@pytest.fixture
def plaza(organization):
    return make_plaza(organization, title="豊玉ひろば", place=make_place("豊玉会館", town="豊玉北", number=5),
                      activities=["care", "childcare", "chat"], phone="03-0000-0101")


@pytest.fixture
def ward_desk():
    return ConsultationDesk.objects.create(
        name="練馬区役所 代表電話", kind="ward", phone="03-3993-1111", hours_text="平日 8:30–17:15",
        topics=["childcare", "elderly", "disability", "living", "foreign", "community", "other"],
        is_main_contact=True,
    )


@pytest.fixture
def health_cafe(organization):
    from cafes.models import Activity, CareCafe

    health, _ = Activity.objects.get_or_create(code=Activity.HEALTH_CONSULTATION, defaults={"name": "健康相談"})
    cafe = CareCafe.objects.create(
        organization=organization, title="街かどケアカフェ けんこう", title_kana="けんこう", cafe_type="gathering",
        place=make_place("北町の集会所", town="北町", number=6), status="published",
    )
    cafe.activities.add(health)
    return cafe


@pytest.fixture
def commissioner_district(chome_kitamachi6):
    from volunteers.models import CommissionerDistrict, DistrictChome

    district = CommissionerDistrict.objects.create(
        name="北町地区", area=chome_kitamachi6.town.area, contact_office="光が丘総合福祉事務所",
        contact_phone="03-0000-0300", contact_hours="平日 9:00–17:00",
    )
    DistrictChome.objects.create(district=district, chome=chome_kitamachi6)
    return district


@pytest.fixture
def foreign_desk():
    from international.models import ForeignResidentDesk
    from international.models.desks import DeskLanguageDay

    desk = ForeignResidentDesk.objects.create(name="外国語相談", hours_text="平日 13:00〜17:00", phone="03-0000-0400")
    DeskLanguageDay.objects.create(desk=desk, language="tl", weekday=0, start_time=dt.time(13), end_time=dt.time(17))
    DeskLanguageDay.objects.create(desk=desk, language="en", weekday=1, start_time=dt.time(13), end_time=dt.time(17))
    return desk


@pytest.fixture
def team_member(staff_groups):
    """A 社協 coordinator who is on the team the request is assigned to."""
    from community.roles import COORDINATOR

    user = make_user("team@example.jp", name="チーム 員", is_staff=True)
    user.groups.add(staff_groups[COORDINATOR])
    return user


@pytest.fixture
def team(team_member):
    team = ConsultationTeam.objects.create(name="社協 練馬地区")
    team.members.add(team_member)
    return team


@pytest.fixture
def consultation(team):
    return make_consultation(message="夫の介護のことで相談したいです", name="秘密 太郎", phone="03-9999-8888")


def closed_consultation(days_ago: int, **extra) -> ConsultationRequest:
    consultation = make_consultation(**extra)
    consultation.status = ConsultationRequest.Status.CLOSED
    consultation.closed_at = timezone.now() - dt.timedelta(days=days_ago)
    consultation.save()
    return consultation


__all__ = ["closed_consultation", "make_consultation", "make_plaza"]
