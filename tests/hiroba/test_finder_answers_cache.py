"""相談先さがし's answers come from the shared cache per question, content version and language (hiroba/views/finder.py):
a publish or an edit shows on the next search at once, in every language and with ふりがな, and the same question
asked in other words is answered alike."""

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from community.models import PublicationStatus
from tests.conftest import make_place
from tests.hiroba.conftest import make_plaza

pytestmark = pytest.mark.django_db

ASK = {"topic": "elderly", "address": "北町6丁目"}


def finder(client, **extra):
    return client.get(reverse("hiroba:finder"), {**ASK, **extra}).content.decode()


def test_an_edited_plaza_shows_its_new_name_on_the_next_search(client, plaza, support_center):
    assert "豊玉ひろば" in finder(client)
    plaza.title = "豊玉ふれあいひろば"
    plaza.save()
    body = finder(client)
    assert "豊玉ふれあいひろば" in body and "豊玉ひろば" not in body


def test_a_plaza_published_after_a_search_is_an_answer_on_the_next_one(client, organization, support_center):
    hidden = make_plaza(organization, title="北町ひろば", place=make_place("北町会館", town="北町", number=6),
                        activities=["care"], phone="03-0000-0102", status=PublicationStatus.DRAFT)
    assert "北町ひろば" not in finder(client)
    hidden.status = PublicationStatus.PUBLISHED
    hidden.save()
    assert "北町ひろば" in finder(client)


def test_a_withdrawn_plaza_is_gone_from_the_next_search(client, plaza, support_center):
    assert "豊玉ひろば" in finder(client)
    plaza.status = PublicationStatus.DRAFT
    plaza.save()
    assert "豊玉ひろば" not in finder(client)


def test_each_language_gets_answers_in_its_own_words_after_another_language_was_cached(client, plaza, support_center):
    assert "相談情報ひろば" in finder(client)
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        english = translation.gettext("相談情報ひろば")
    assert english != "相談情報ひろば"
    assert english in finder(client)


def test_furigana_go_over_the_cached_answers(client, plaza, support_center):
    finder(client)  # cached without readings
    client.cookies["furigana"] = "on"
    assert "<ruby>豊玉<rt>" in finder(client)


def test_the_same_question_in_other_words_is_answered_from_the_same_entry(client, plaza, support_center):
    from django.db import connection

    first = finder(client)
    with CaptureQueriesContext(connection) as asked_again:
        again = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "北町６－３"}).content.decode()
    assert not any("hiroba_plaza" in query["sql"] for query in asked_again.captured_queries)
    start = first.index('<ol class="answers">')
    assert again[again.index('<ol class="answers">'):].startswith(first[start:first.index("</ol>", start)])


def test_the_print_page_keeps_its_own_heading_level(client, plaza, support_center):
    assert '<h3 class="answer__title">' in finder(client)
    printed = finder(client, print="1")
    assert '<h2 class="answer__title">' in printed and '<h3 class="answer__title">' not in printed
