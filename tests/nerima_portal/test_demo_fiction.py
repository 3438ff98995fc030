"""Fiction is the demo's business: no production model carries an is_fictional column, and the demo registers
what it made up (real organizations and places from ../shared/data stay unmarked)."""

import pytest
from django.core.exceptions import FieldDoesNotExist

from cafes.models import CareCafe, KidsCafe
from community.models import Organization
from hiroba.models import ConsultationDesk
from international.models import ExchangeEvent, JapaneseClass
from volunteers.models import Cohort, Commissioner, CommissionerDistrict

ONCE_FLAGGED = [Organization, ConsultationDesk, CareCafe, KidsCafe, JapaneseClass, ExchangeEvent, Cohort,
                CommissionerDistrict, Commissioner]


@pytest.mark.parametrize("model", ONCE_FLAGGED, ids=lambda model: model._meta.label)
def test_no_production_model_has_an_is_fictional_column(model):
    with pytest.raises(FieldDoesNotExist):
        model._meta.get_field("is_fictional")
    history = getattr(model, "history", None)
    if history is not None:
        with pytest.raises(FieldDoesNotExist):
            history.model._meta.get_field("is_fictional")


def test_the_demo_registers_what_it_made_up_and_nothing_real(demo_data):
    organizations = dict(Organization.objects.with_fiction().values_list("name", "is_fictional"))
    assert organizations["練馬区立区民協働交流センター"] is False
    assert organizations["豊玉北五丁目町会（デモ）"] is True
    assert all(organizations[name] for name in organizations if "（デモ）" in name or "（架空）" in name)
    # The roster and its districts are invented through and through (the real roster is not public).
    assert not Commissioner.objects.with_fiction().filter(is_fictional=False).exists()
    assert not CommissionerDistrict.objects.with_fiction().filter(is_fictional=False).exists()
    # Real cafés from the ward's list stay real; the invented ones say so.
    cafes = dict(CareCafe.objects.with_fiction().values_list("title", "is_fictional"))
    assert cafes["街かどケアカフェこぶし"] is False and cafes["薬局ケアカフェ ねりま（デモ）"] is True
    assert dict(ExchangeEvent.objects.with_fiction().values_list("title", "is_fictional"))[
        "ねりまワールドフェスティバル"] is False
