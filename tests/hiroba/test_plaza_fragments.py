"""The plaza list's cards and a plaza page's body are cached fragments: every change shows on the next render,
in 日本語, with ふりがな and in English."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from community.services.moderation import publishable_unpublish
from community.services.sessions import session_cancel
from tests.conftest import make_session
from tests.fragments import page
from tests.hiroba.conftest import make_plaza

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


@pytest.fixture
def plaza(organization, place):
    return make_plaza(organization, title="ひだまりひろば", place=place, hours_text="まいしゅう かようび")


def test_an_edited_plaza_shows_on_its_card_at_once(visitor, plaza):
    assert "まいしゅう かようび" in page(visitor, reverse("hiroba:plaza_list"))

    plaza.hours_text = "まいにち"
    plaza.save(update_fields=["hours_text"])

    after = page(visitor, reverse("hiroba:plaza_list"))
    assert "まいにち" in after and "まいしゅう かようび" not in after


def test_a_closed_plaza_leaves_the_list_at_once(visitor, plaza, organization, place):
    make_plaza(organization, title="こもれびひろば", title_kana="こもれび", place=place)
    assert "ひだまりひろば" in page(visitor, reverse("hiroba:plaza_list"))

    plaza.closed_on = timezone.localdate() - dt.timedelta(days=1)
    plaza.save(update_fields=["closed_on"])

    after = page(visitor, reverse("hiroba:plaza_list"))
    assert "ひだまりひろば" not in after and "こもれびひろば" in after


def test_a_new_cancelled_or_started_session_shows_on_the_plaza_page_at_once(visitor, plaza):
    detail = reverse("hiroba:plaza_detail", args=[plaza.pk])
    assert "おしゃべりかい" not in page(visitor, detail)

    session = make_session(plaza, days=3, title="おしゃべりかい")
    assert "おしゃべりかい" in page(visitor, detail)

    session_cancel(session=session, reason="かぜのため")
    assert "おしゃべりかい" not in page(visitor, detail)


def test_a_session_that_has_started_leaves_the_plaza_page_without_any_write(visitor, plaza):
    from community.models import Session

    soon = make_session(plaza, days=3, title="はじまるかい")
    make_session(plaza, days=5, title="あとのかい")
    detail = reverse("hiroba:plaza_detail", args=[plaza.pk])
    assert "はじまるかい" in page(visitor, detail)

    # Time passes: the session starts. Moved with update() so that no signal bumps the content version.
    Session.objects.filter(pk=soon.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=1))

    after = page(visitor, detail)
    assert "はじまるかい" not in after and "あとのかい" in after


def test_an_unpublished_plaza_page_is_gone_at_once(visitor, plaza):
    detail = reverse("hiroba:plaza_detail", args=[plaza.pk])
    page(visitor, detail)

    publishable_unpublish(obj=plaza)

    assert visitor.get(detail).status_code == 404
