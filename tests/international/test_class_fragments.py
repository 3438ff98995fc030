"""The Japanese-class list's cards and a class page's body are cached fragments: every change shows on the next
render, in 日本語, with ふりがな and in English."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Session
from community.services.translations import translation_save
from tests.conftest import make_session
from tests.fragments import page
from tests.international.conftest import make_class

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


@pytest.fixture
def japanese_class(organization, place):
    return make_class(organization, title="にほんごひろば", place=place, fee_text="むりょう")


def test_an_edited_class_shows_on_its_card_and_its_page_at_once(visitor, japanese_class):
    detail = reverse("international:class_detail", args=[japanese_class.pk])
    assert "むりょう" in page(visitor, reverse("international:class_list"))
    assert "むりょう" in page(visitor, detail)

    japanese_class.fee_text = "ひとり100えん"
    japanese_class.save(update_fields=["fee_text"])

    assert "ひとり100えん" in page(visitor, reverse("international:class_list"))
    assert "ひとり100えん" in page(visitor, detail)


def test_an_english_title_shows_on_the_english_pages_at_once(japanese_class):
    from django.test import Client

    english = Client()
    english.cookies.load({"django_language": "en"})
    detail = reverse("international:class_detail", args=[japanese_class.pk])
    page(english, reverse("international:class_list")), page(english, detail)

    translation_save(obj=japanese_class, language="en", texts={"title": "Japanese Corner"})

    assert "Japanese Corner" in page(english, reverse("international:class_list"))
    assert "Japanese Corner" in page(english, detail)


def test_new_and_started_sessions_show_on_the_class_page_at_once(visitor, japanese_class):
    detail = reverse("international:class_detail", args=[japanese_class.pk])
    first = make_session(japanese_class, days=2)
    link = reverse("community:session_detail", args=[first.pk])
    assert link in page(visitor, detail)

    later = make_session(japanese_class, days=9)
    assert reverse("community:session_detail", args=[later.pk]) in page(visitor, detail)

    # Time passes: the first session starts (update() sends no signal, so only the key can notice).
    Session.objects.filter(pk=first.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=1))
    assert link not in page(visitor, detail)
