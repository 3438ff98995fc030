"""The fridge sheet as a real PDF: one A4 page per area in every language (measured with pypdf), phone and
address per café, and a month too full for one page says how many pages it has."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from cafes.models import CareCafe
from community.models import Area
from tests.cafes.conftest import add_session, bulk_care_cafes, make_care_cafe
from tests.conftest import make_place

LANGUAGES = ["ja", "en", "zh-hans", "ko", "tl"]


def _pdf(client, area, month, language):
    client.cookies["django_language"] = language
    response = client.get(reverse("cafes:print_month_pdf", args=[area]), {"month": month}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert int(response["X-Sheet-Pages"]) == len(reader.pages)
    return reader


def _text(reader):
    # Lines wrap where the column ends: compare without line breaks.
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


@pytest.fixture
def demo_cafes(db):
    from cafes import demo as cafes_demo
    from community import demo as community_demo

    community_demo.load()
    cafes_demo.load()
    assert CareCafe.objects.published().count() >= 15


def test_every_area_fits_one_a4_page_in_every_language(client, demo_cafes):
    month = (timezone.localdate() + dt.timedelta(days=32)).strftime("%Y-%m")
    for area in Area.objects.values_list("slug", flat=True):
        for language in LANGUAGES:
            reader = _pdf(client, area, month, language)
            assert len(reader.pages) == 1, (area, language, len(reader.pages))
            width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
            assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_each_cafe_carries_its_phone_and_address(client, organization):
    organization.contact_phone = "03-3996-0000"
    organization.save(update_fields=["contact_phone"])
    cafe = make_care_cafe(organization, title="石神井ふれあいカフェ",
                          place=make_place("石神井町の会館", town="石神井町", number=3))
    session = add_session(cafe)
    month = timezone.localtime(session.starts_at).strftime("%Y-%m")
    text = _text(_pdf(client, "shakujii", month, "ja"))
    assert "石神井ふれあいカフェ" in text
    assert "03-3996-0000" in text
    assert "東京都練馬区石神井町3丁目" in text


def test_the_html_sheet_links_to_the_pdf_and_shows_phone_and_address(client, organization):
    organization.contact_phone = "03-3996-0000"
    organization.save(update_fields=["contact_phone"])
    session = add_session(make_care_cafe(organization, place=make_place("会館", town="石神井町", number=3)))
    month = timezone.localtime(session.starts_at).strftime("%Y-%m")
    body = client.get(reverse("cafes:print_month", args=["shakujii"]), {"month": month}).content.decode()
    assert reverse("cafes:print_month_pdf", args=["shakujii"]) in body
    assert 'href="tel:0339960000"' in body and "東京都練馬区石神井町3丁目" in body


def test_a_month_too_full_for_one_page_says_how_many_pages(client, organization):
    places = [make_place(f"会場{n}", town="石神井町", number=n % 5 + 1) for n in range(5)]
    bulk_care_cafes(organization, places, count=60, sessions_each=1)
    session = CareCafe.objects.first().sessions.first()
    month = timezone.localtime(session.starts_at).strftime("%Y-%m")
    reader = _pdf(client, "shakujii", month, "ja")
    pages = len(reader.pages)
    assert pages > 1
    assert f"全{pages}枚のうち1枚目" in reader.pages[0].extract_text().replace("\n", "")
    assert f"全{pages}枚のうち{pages}枚目" in reader.pages[-1].extract_text().replace("\n", "")


def test_an_unknown_area_or_a_bad_month_is_404(client):
    assert client.get(reverse("cafes:print_month_pdf", args=["nowhere"])).status_code == 404
    assert client.get(reverse("cafes:print_month_pdf", args=["shakujii"]), {"month": "2026-13"}).status_code == 404


def test_the_sheet_is_in_the_readers_language(client, organization):
    session = add_session(make_care_cafe(organization, place=make_place("会館", town="石神井町", number=3)))
    month = timezone.localtime(session.starts_at)
    with translation.override("en"):
        text = _text(_pdf(client, "shakujii", month.strftime("%Y-%m"), "en"))
    assert "カフェと場所" not in text
