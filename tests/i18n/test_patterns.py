"""Towns, 丁目, ages, weekdays and places are built by translatable patterns, never glued together."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from cafes.filters import KidsCafeFilter
from community.forms.profiles import CHOME_CHOICES, town_choices
from community.models import RecurringSchedule
from community.models.schedules import Weekday
from tests.cafes.conftest import add_session, make_care_cafe, make_kids_cafe
from tests.conftest import make_place

pytestmark = pytest.mark.django_db


def labels(choices) -> list[str]:
    return [str(label) for _value, label in choices]


@pytest.mark.parametrize(
    ("language", "age", "chome"),
    [("ja", "0歳", "1丁目"), ("en", "0 years old", "1-chōme"), ("tl", "0 taong gulang", "1-chōme"), ("ko", "0세", "1초메")],
)
def test_age_and_chome_choices_are_translated_when_shown_not_when_imported(language, age, chome):
    with translation.override(language):
        assert labels(KidsCafeFilter().form.fields["age"].choices)[1] == age
        assert labels(CHOME_CHOICES)[1] == chome


def test_town_choices_read_in_latin_letters_grouped_by_area():
    with translation.override("en"):
        groups = dict(town_choices()[1:])
    assert "Shakujii area" in groups
    assert ("", "Shakujiimachi") not in groups["Shakujii area"]
    assert any(label == "Kami-shakujii" for _pk, label in groups["Shakujii area"])
    assert not any(re.search(r"[\u4e00-\u9fff]", label) for group in groups.values() for _pk, label in group)


@pytest.mark.parametrize(
    ("language", "weekly", "monthly"),
    [
        ("ja", "毎週水曜 14:00–16:00", "毎月第2・第4水曜 14:00–16:00"),
        ("en", "Every Wednesday 14:00–16:00", "Every month on 2nd, 4th Wednesday 14:00–16:00"),
        ("tl", "Tuwing Miyerkules 14:00–16:00", "Buwan-buwan, ikalawang, ikaapat na Miyerkules 14:00–16:00"),
    ],
)
def test_recurring_schedules_read_naturally(listing, language, weekly, monthly):
    rule = RecurringSchedule(
        listing=listing, weekday=Weekday.WEDNESDAY, start_time=dt.time(14), end_time=dt.time(16),
        valid_from=timezone.localdate(),
    )
    with translation.override(language):
        assert rule.describe() == weekly
        rule.weeks_of_month = "2,4"
        assert rule.describe() == monthly


def test_the_print_sheet_lists_days_of_the_month_and_weekday_headings_without_glue(client, organization):
    place = make_place("桜台地区区民館", town="桜台", number=3)
    cafe = make_care_cafe(organization, place=place)
    sessions = [add_session(cafe, weekday=6, weeks_ahead=week) for week in range(2)]
    month = timezone.localtime(sessions[0].starts_at).strftime("%Y-%m")
    for language, heading, forbidden in (("en", "Sunday", "Sun"), ("tl", "Linggo", "Lin")):
        page = client.get(f"/{language}/cafes/print/nerima/?month={month}").content.decode()
        assert re.search(rf">\s*{heading}\s*</h2>", page), page[:200]
        days = re.search(r'class="print-table__days">([^<]*)<', page).group(1)
        assert re.fullmatch(r"\d+(, \d+)*", days), days
        assert forbidden not in days and "Day " not in page


def test_a_place_reads_with_its_area_and_town(organization):
    place = make_place("石神井公園区民交流センター", town="石神井町", number=2)
    template = Template("{% load languages %}{% place_in_town place %}")
    with translation.override("en"):
        html = template.render(Context({"place": place}))
    assert html == '<span lang="ja" translate="no">石神井公園区民交流センター</span> (Shakujii, Shakujiimachi)'
    with translation.override("ja"):
        assert template.render(Context({"place": place})) == "石神井公園区民交流センター（石神井・石神井町）"


def test_area_labels_have_a_space_before_area(client, organization):
    make_care_cafe(organization, place=make_place())
    page = client.get("/en/cafes/").content.decode()
    assert "Nerima area" in page
    assert not re.search(r"[a-z](Area|Lugar)\b", page)


def test_kids_cafe_ages_and_the_home_card_for_foreign_residents(client, organization):
    make_kids_cafe(organization, age_min=0, age_max=3)
    page = client.get("/en/").content.decode()
    assert "For foreign residents / For foreign residents" not in page
    assert '>For foreign residents</a>' in page
    tl = client.get("/tl/").content.decode()
    assert 'Para sa mga dayuhang residente / <span lang="en">For foreign residents</span>' in tl
    ja = client.get("/").content.decode()
    assert '外国人の方へ / <span lang="en">For foreign residents</span>' in ja
    assert client.get("/en/cafes/kids/").content.decode().count("Ages 0–3") >= 1


def test_the_footer_is_translated(client):
    page = client.get("/en/").content.decode()
    footer = page[page.index('<footer'):]
    assert "Nerima City Office (main building)" in footer
    assert "6-12-1 Toyotama-kita, Nerima-ku, Tokyo 176-8501" in footer
    assert "Monday to Friday, 8:30–17:15" in footer
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", re.sub(r'<span lang="ja"[^>]*>.*?</span>', "", footer))
