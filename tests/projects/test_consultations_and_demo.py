"""Expert consultation bookings (capacity 1, one group per slot), the public pages and the demo loader."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from community.models import SignUp
from community.services.signups import cancel_token
from projects.models import Application, Call, ConsultationBooking, ExpertConsultation, ShowcaseProject
from projects.services.consultations import consultation_book
from tests.conftest import make_session


@pytest.fixture
def slot(other_organization):
    listing = ExpertConsultation.objects.create(
        organization=other_organization, title="経営相談", title_kana="けいえいそうだん", expert_name="専門 家",
        expertise="会計")
    return make_session(listing, capacity=1)


def test_a_group_books_a_slot_from_its_page(client, org_member, organization, slot):
    client.force_login(org_member)
    page = client.get(reverse("projects:consultation_list", args=[organization.pk])).content.decode()
    assert "専門 家" in page
    response = client.post(reverse("projects:consultation_book", args=[organization.pk, slot.pk]), {"topic": "会計"})
    assert response.status_code == 302
    booking = ConsultationBooking.objects.get()
    assert booking.organization == organization and booking.signup.status == SignUp.Status.CONFIRMED


def test_a_taken_slot_is_refused_not_waitlisted(organization, org_member, other_organization, other_org_member, slot):
    consultation_book(organization=organization, session=slot, user=org_member, topic="会計")
    with pytest.raises(ValidationError, match="ほかの団体が予約しました"):
        consultation_book(organization=other_organization, session=slot, user=other_org_member, topic="広報")
    assert SignUp.objects.filter(session=slot).count() == 1


def test_a_booking_needs_a_topic(client, org_member, organization, slot):
    client.force_login(org_member)
    response = client.post(reverse("projects:consultation_book", args=[organization.pk, slot.pk]), {"topic": ""})
    assert response.status_code == 400 and "相談したいことを入力してください。" in response.content.decode()


def test_the_booking_mails_calendar_link_opens_although_the_slots_are_not_public(
    client, organization, org_member, slot, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = consultation_book(organization=organization, session=slot, user=org_member, topic="会計")
    mail = next(m for m in mailoutbox if m.to == [org_member.email])  # the desk is told too
    link = next(word for word in mail.body.split() if "/event.ics?signup=" in word)
    address = urlsplit(link)
    response = client.get(f"{address.path}?{address.query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "経営相談"
    assert str(event["UID"]) == f"session-{booking.signup.session_id}@nerima-fukushi-portal"


def test_without_the_mails_token_a_slots_calendar_file_stays_hidden(client, organization, org_member, slot):
    other = make_session(slot.listing, days=9, capacity=1)
    booking = consultation_book(organization=organization, session=other, user=org_member, topic="会計")
    assert client.get(reverse("community:session_ics", args=[slot.pk])).status_code == 404
    token = cancel_token(booking.signup)  # a real token, but for another slot
    assert client.get(reverse("community:session_ics", args=[slot.pk]), {"signup": token}).status_code == 404
    assert client.get(reverse("community:session_ics", args=[slot.pk]), {"signup": "forged"}).status_code == 404


def test_cancelling_frees_the_slot(client, org_member, organization, slot):
    booking = consultation_book(organization=organization, session=slot, user=org_member, topic="会計")
    client.force_login(org_member)
    client.post(reverse("projects:consultation_cancel", args=[organization.pk, booking.pk]))
    assert slot.seats_left() == 1


def test_the_public_pages_show_the_call_categories_and_ceilings(client, call):
    page = client.get(reverse("projects:index")).content.decode()
    assert "やさしいまちづくり（地域福祉・福祉のまちづくり）" in page and "300,000円" in page
    page = client.get(reverse("projects:call_detail", args=[call.fiscal_year])).content.decode()
    assert "ステップアップ" in page and "600,000円" in page


def test_a_preparing_call_is_not_public(client):
    from tests.projects.conftest import make_call

    make_call(2030, status=Call.Status.PREPARING)
    assert client.get(reverse("projects:call_detail", args=[2030])).status_code == 404


# That a second run of the demo changes no row is tests/nerima_portal/test_demo_data.py's, for every table.
def test_the_demo_covers_every_status(demo_data):
    assert set(Application.objects.values_list("status", flat=True)) == set(Application.Status.values)
    from community.fiscal import FiscalYear

    # Next fiscal year's call is open now; every call closes before its project period (from June) starts and
    # wants its report the April after the period ends.
    current = Call.objects.current()
    assert current.is_accepting() and current.fiscal_year == FiscalYear.current().year + 1
    for call in Call.objects.all():
        assert call.closes_on < dt.date(call.fiscal_year, 6, 1), call
        assert call.project_period == f"{call.fiscal_year}年6月〜{call.fiscal_year + 1}年3月"
        assert call.report_due_on == dt.date(call.fiscal_year + 1, 4, 30)
    draft = Application.objects.get(organization__name="NPO法人 ねりま見守りネット（デモ）")
    assert draft.status == Application.Status.DRAFT
    estimated = ShowcaseProject.objects.filter(year_is_estimated=True)
    assert estimated.count() == 5 and all(p.photo for p in estimated)


def test_the_showcase_says_when_a_year_is_estimated(client, organization):
    project = ShowcaseProject.objects.create(title="ワインづくり", organization=organization, fiscal_year=2018,
                                             year_is_estimated=True, summary="練馬産ブドウ")
    assert "年度は推定" in client.get(reverse("projects:showcase_list")).content.decode()
    assert "年度は推定" in client.get(project.get_absolute_url()).content.decode()
