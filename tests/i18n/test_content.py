"""Content in the reader's language: the rows, the marked Japanese fallback, one query per kind for a list."""

import pytest
from django.template import Context, Template
from django.utils import translation

from community.i18n.content import localized, missing_translation
from community.models import Area, Listing, ListingTranslation, OrganizationTranslation
from community.services.translations import translation_save
from hiroba.models import ConsultationDesk
from tests.conftest import make_listing, make_organization, make_place
from tests.international.conftest import make_class

pytestmark = pytest.mark.django_db


def render(text: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load languages %}" + text).render(Context(context))


def test_a_translation_is_shown_in_its_language(listing):
    translation_save(obj=listing, language="en", texts={"title": "Tea salon"})
    assert localized(listing, "title", "en").text == "Tea salon"
    assert not localized(listing, "title", "en").is_fallback


def test_a_missing_translation_falls_back_to_the_japanese_marked_as_fallback(listing):
    text = localized(listing, "title", "tl")
    assert (text.text, text.lang, text.is_fallback) == ("テストの集い", "ja", True)


def test_japanese_and_easy_japanese_readers_never_get_a_fallback_mark(listing):
    assert not localized(listing, "title", "ja").is_fallback
    assert not localized(listing, "title", "ja-x-easy").is_fallback
    translation_save(obj=listing, language="ja-x-easy", texts={"title": "おちゃの 会"})
    listing = Listing.objects.get(pk=listing.pk)
    assert localized(listing, "title", "ja-x-easy").text == "おちゃの 会"


def test_a_listing_kinds_own_field_is_translated_in_extra(organization):
    japanese_class = make_class(organization, schedule_note="毎週火曜")
    translation_save(obj=japanese_class, language="en", texts={"schedule_note": "Every Tuesday"})
    row = ListingTranslation.objects.get(listing=japanese_class, language="en")
    assert row.extra == {"schedule_note": "Every Tuesday"}
    assert localized(japanese_class, "schedule_note", "en").text == "Every Tuesday"


def test_saving_all_empty_texts_removes_the_row(listing):
    translation_save(obj=listing, language="en", texts={"title": "Tea salon"})
    assert translation_save(obj=listing, language="en", texts={"title": ""}) is None
    assert not ListingTranslation.objects.filter(listing=listing).exists()


def test_an_unknown_field_or_language_is_refused(listing):
    with pytest.raises(ValueError):
        translation_save(obj=listing, language="en", texts={"contact_text": "x"})
    with pytest.raises(ValueError):
        translation_save(obj=listing, language="ja", texts={"title": "x"})


def test_organizations_translate_their_name_and_description(organization):
    translation_save(obj=organization, language="ko", texts={"name": "네리마 테스트 자치회"})
    assert OrganizationTranslation.objects.get(organization=organization).name == "네리마 테스트 자치회"
    assert localized(organization, "name", "ko").text == "네리마 테스트 자치회"
    assert localized(organization, "description", "ko").is_fallback is False  # empty original: nothing to mark


def test_modeltranslation_columns_are_read_and_a_model_without_translations_always_falls_back(db):
    area = Area.objects.get(name="石神井")
    assert localized(area, "name", "en").text == "Shakujii"
    desk = ConsultationDesk.objects.create(name="北保健相談所", kind="health")
    assert localized(desk, "name", "en").is_fallback
    assert missing_translation(desk, ("name",), "en")


def test_tr_marks_the_fallback_and_the_notice_appears_once_for_the_block(listing):
    html = render('{{ l|tr:"title" }}{% ja_only_note l "title,summary,description" %}', "en", l=listing)
    assert html.count('<span lang="ja">テストの集い</span>') == 1
    assert html.count("ja-only-note") == 1
    translation_save(obj=listing, language="en", texts={"title": "Tea salon"})
    listing = Listing.objects.get(pk=listing.pk)
    assert render('{{ l|tr:"title" }}{% ja_only_note l "title" %}', "en", l=listing) == "Tea salon"


def test_names_are_marked_as_names_and_nothing_is_marked_on_japanese_pages(place):
    assert render("{{ n|ja_name }}", "en", n=place.name) == '<span lang="ja" translate="no">テスト集会所</span>'
    assert render("{{ n|ja_name }}", "ja", n=place.name) == "テスト集会所"
    assert render("{{ n|ja_name }}", "en", n="Coconeri") == "Coconeri"


def test_a_town_reads_in_latin_letters_from_its_stored_reading(place):
    town = place.chome.town
    assert render("{{ t|town_name }}", "en", t=town) == 'Toyotama-kita <span lang="ja" translate="no">(豊玉北)</span>'
    with translation.override("en"):
        assert str(place.chome) == "Toyotama-kita 5-chōme"
    with translation.override("ja"):
        assert str(place.chome) == "豊玉北5丁目"


def test_a_list_in_english_loads_translations_with_one_query_per_kind(django_assert_max_num_queries, organization):
    place = make_place()
    for n in range(30):
        listing = make_listing(organization, title=f"集い{n}", place=place)
        translation_save(obj=listing, language="en", texts={"title": f"Gathering {n}"})
    translation_save(obj=organization, language="en", texts={"name": "Test association"})
    with translation.override("en"):
        # listings with their organization and place (1), their translations (1), the organization's (1)
        with django_assert_max_num_queries(3):
            rows = list(Listing.objects.with_place())
            titles = [localized(row, "title").text for row in rows]
            names = {localized(row.organization, "name").text for row in rows}
    assert titles[0].startswith("Gathering") and names == {"Test association"}


def test_japanese_lists_pay_nothing_for_translations(django_assert_num_queries, organization):
    for n in range(5):
        make_listing(organization, title=f"集い{n}")
    with translation.override("ja"), django_assert_num_queries(1):
        # listings with their organization and place: the translations are never asked for
        assert [localized(row, "title").text for row in Listing.objects.with_place()][0].startswith("集い")


def test_demo_organization_names_stay_names(db):
    organization = make_organization("旭丘町会（デモ）")
    assert render("{{ o|tr_name }}", "tl", o=organization) == '<span lang="ja" translate="no">旭丘町会（デモ）</span>'
