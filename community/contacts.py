"""Whom a resident can phone: a listing's own number, else its organization's, else the ward's desk for its area.

The ward desk is the declared fallback (Area.desk_*; community/geography.py fills it from shared/data). A listing
with none of these has no reachable contact and cannot be published (community/services/moderation.py).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from community.geography import WARD_DESK


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    address: str = ""
    hours: str = ""
    # True when this is the ward's desk standing in for an organization that gave no number.
    is_fallback: bool = False

    @property
    def tel(self) -> str:
        """The number for a tel: link (digits and + only)."""
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


def area_desk(area) -> Contact | None:
    if area is None or not area.desk_phone:
        return None
    return Contact(area.desk_name, area.desk_phone, area.desk_address, area.desk_hours, is_fallback=True)


def ward_desk() -> Contact:
    """The ward office itself: where a receipt points when nothing closer is known."""
    return Contact(WARD_DESK["desk_name"], WARD_DESK["desk_phone"], WARD_DESK["desk_address"], is_fallback=True)


def organization_contact(organization) -> Contact | None:
    if organization.contact_phone:
        return Contact(organization.name, organization.contact_phone, organization.address, organization.hours_text)
    return area_desk(organization.area)


def listing_area(listing):
    """The area a listing serves: its place's, else its organization's."""
    place = listing.place
    if place is not None and place.chome_id:
        return place.chome.town.area
    return listing.organization.area


def listing_contact(listing) -> Contact | None:
    """The listing's own phone, else its organization's, else the ward's desk for its area; None if none."""
    own = listing.own_phone()
    if own:
        return Contact(listing.title, own, listing.place.address if listing.place else "")
    organization = listing.organization
    if organization.contact_phone:
        return Contact(organization.name, organization.contact_phone, organization.address, organization.hours_text)
    return area_desk(listing_area(listing))


NO_CONTACT_ERROR = _(
    "電話での問い合わせ先がありません。掲載・団体のどちらかに電話番号を入れるか、場所（町丁目）を選んで"
    "地域の区の窓口を問い合わせ先にしてください。"
)
