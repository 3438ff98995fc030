"""The hiroba demo (part of the whole demo), loaded again without change, with the right people assigned."""

import pytest

from hiroba.models import ConsultationDesk, ConsultationRequest, Plaza, PlazaSubsidy, SupportCenterCoverage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data):
    import hiroba.demo

    return hiroba.demo


def _counts():
    return [model.objects.count() for model in (Plaza, PlazaSubsidy, SupportCenterCoverage, ConsultationDesk,
                                                ConsultationRequest)]


def test_loading_twice_changes_nothing(demo):
    before = _counts()
    demo.load()
    assert _counts() == before


def test_every_chome_has_a_support_centre_and_confirmed_rows_come_from_the_data(demo):
    from community.models import Chome

    assert not Chome.objects.filter(support_center_coverage__isnull=True).exists()
    confirmed = SupportCenterCoverage.objects.filter(is_confirmed=True).select_related("center", "chome__town")
    assert {c.center.name for c in confirmed} == {"北町はるのひ地域包括支援センター", "北町地域包括支援センター"}


def test_plazas_from_the_data_and_fictional_ones_cover_every_area(demo):
    from community.models import Area

    assert Plaza.objects.filter(title__in=["おちゃ福", "らくぜん", "ふろしき・ねこの手"]).count() == 3
    assert all("未確認" in p.source_note for p in Plaza.objects.filter(opened_on__isnull=True))
    for area in Area.objects.all():
        assert Plaza.objects.in_area(area).exists(), area


def test_requests_in_every_status_visible_to_the_right_staff(demo):
    from community.models import User

    assert set(ConsultationRequest.objects.values_list("status", flat=True)) == set(ConsultationRequest.Status.values)
    coordinator = User.objects.get(email="coordinator@demo.nerima.example.jp")
    staff = User.objects.get(email="staff@demo.nerima.example.jp")
    visible_to_coordinator = set(ConsultationRequest.objects.content_visible_to(coordinator).values_list("reference", flat=True))
    assert visible_to_coordinator == {"S-DEMO-ASG2", "S-DEMO-CLS4"}
    assert ConsultationRequest.objects.content_visible_to(staff).count() == ConsultationRequest.objects.count()


def test_the_old_anonymous_demo_request_is_due_for_retention(demo):
    from django.core.management import call_command

    call_command("apply_consultation_retention")
    assert ConsultationRequest.objects.get(reference="S-DEMO-ANO5").message == ""
