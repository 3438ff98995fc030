"""The shared kernel: areas, people, organizations, places, listings, sessions and sign-ups."""

from community.models.areas import Area, Chome, Town
from community.models.calls import PhoneCall
from community.models.changes import RecentChange
from community.models.demo import DemoFiction
from community.models.headcounts import Headcount
from community.models.listings import Listing
from community.models.notices import OrganizerNotice
from community.models.organizations import Invitation, Membership, Organization
from community.models.outbox import OutboxMessage
from community.models.personal_data import PersonalDataAccess
from community.models.places import Place
from community.models.publication import PublicationStatus
from community.models.schedules import RecurringSchedule
from community.models.sessions import Session, SignUp
from community.models.translations import ListingTranslation, OrganizationTranslation
from community.models.users import User

__all__ = [
    "Area",
    "Chome",
    "DemoFiction",
    "Headcount",
    "Invitation",
    "Listing",
    "ListingTranslation",
    "Membership",
    "Organization",
    "OrganizationTranslation",
    "OrganizerNotice",
    "OutboxMessage",
    "PersonalDataAccess",
    "PhoneCall",
    "Place",
    "PublicationStatus",
    "RecentChange",
    "RecurringSchedule",
    "Session",
    "SignUp",
    "Town",
    "User",
]
