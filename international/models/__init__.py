"""外国人の方へ: Japanese classes, the foreign-language consultation desk, exchange events and the landing texts."""

from international.models.classes import JapaneseClass
from international.models.desks import DeskLanguageDay, ForeignResidentDesk
from international.models.exchange import ExchangeEvent
from international.models.landing import LandingSection
from international.models.languages import SupportLanguage

__all__ = [
    "DeskLanguageDay",
    "ExchangeEvent",
    "ForeignResidentDesk",
    "JapaneseClass",
    "LandingSection",
    "SupportLanguage",
]
