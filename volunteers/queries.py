"""What other apps may ask volunteers (design.md: apps read each other through a small query module).

Only public fields leave this module: a district's name and the ward's contact route, never a commissioner.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community.registry import SearchSource


@dataclass(frozen=True)
class PublicDistrict:
    """A 民生・児童委員 担当地区 as the public may see it."""

    pk: int
    name: str
    area_name: str
    contact_office: str
    contact_phone: str
    contact_hours: str
    contact_form_url: str
    about_url: str


def district_for_chome(chome) -> PublicDistrict | None:
    """The commissioner district covering a 町丁目 (public fields only), or None."""
    from volunteers.models import CommissionerDistrict

    if chome is None:
        return None
    district = CommissionerDistrict.objects.with_area().for_chome(chome).first()
    if district is None:
        return None
    return PublicDistrict(
        pk=district.pk,
        name=district.name,
        area_name=district.area.name,
        contact_office=district.contact_office,
        contact_phone=district.contact_phone,
        contact_hours=district.contact_hours,
        contact_form_url=reverse("volunteers:commissioner_contact") + f"?district={district.pk}",
        about_url=reverse("volunteers:commissioners"),
    )


def associations_for_chome(chome):
    """Published 町会・自治会 covering a 町丁目, with their profile (for pages of other apps)."""
    from volunteers.models import AssociationProfile

    if chome is None:
        return AssociationProfile.objects.none()
    return AssociationProfile.objects.published().covering(chome).for_list()


def fiscal_year_tables(part: str, fiscal_year):
    """The yearly figures of one part of 施策1 held here: "associations", "commissioners", "college", "npo" or
    "coordinators" (community.figures tables, counts only)."""
    from volunteers import figures

    builders = {
        "associations": figures.association_tables,
        "commissioners": figures.commissioner_tables,
        "college": figures.college_tables,
        "npo": figures.npo_tables,
        "coordinators": figures.coordinator_tables,
    }
    return builders[part](fiscal_year)


def commissioner_staffing(*, today) -> dict:
    """定数・現員・欠員 per 担当地区 and area (numbers only; see volunteers.figures)."""
    from volunteers import figures

    return figures.commissioner_staffing(today=today)


def _opening_still_taken() -> Q:
    """On Listing: not an opening whose application deadline has passed (other kinds always pass)."""
    return ~Q(opening__closes_on__lt=timezone.localdate())


def _opening_in_area(area) -> Q:
    """On Listing: an opening that says it needs help in `area` (its own field; it may have no place)."""
    return Q(opening__area=area)


# Registered in VolunteersConfig.ready(): how the site search treats openings.
SEARCH_SOURCE = SearchSource(name="volunteers", findable=_opening_still_taken, in_area=_opening_in_area)
