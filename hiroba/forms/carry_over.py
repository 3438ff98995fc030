"""相談先さがし → 相談受付: what the resident already told the finder fills the request form (they may change it)."""

from django.utils.translation import gettext as _

from community.addresses import find_chome, find_town
from community.models import Area
from hiroba.forms.consultations import LANGUAGE_CHOICES
from hiroba.models import Topic


def request_initial(query) -> dict:
    """Initial values for ConsultationRequestForm from the finder's GET parameters; unknown values are ignored."""
    initial = {}
    if query.get("topic") in Topic.values:
        initial["topic"] = query["topic"]
    if query.get("language") in dict(LANGUAGE_CHOICES):
        initial["language"] = query["language"]
    area = Area.objects.filter(pk=query["area"]).first() if query.get("area", "").isdigit() else None
    address = query.get("address", "").strip()[:100]
    if address:
        chome = find_chome(address)
        town = chome.town if chome else find_town(address)
        if town is not None:
            area = town.area
            initial["message"] = _("住所（町名・丁目）: %(place)s") % {"place": chome or town} + "\n"
    if area is not None:
        initial["area"] = area.pk
    return initial
