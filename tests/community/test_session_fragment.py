"""A session page's body is a cached fragment and only its sign-up part is rendered per visitor: the sign-up that
takes the last seat, an edit, a cancellation and a withdrawn listing show on the next render, in 日本語, with
ふりがな and in English, and nothing of one visitor reaches another. An anonymous visitor's page is cached whole
(its CSRF token filled in per visitor): the same changes show on the next request, and the page is kept no longer
than its sign-up stays open."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community.models import SignUp
from community.services.moderation import publishable_unpublish
from community.services.sessions import session_cancel, session_update
from community.services.signups import signup_cancel, signup_create
from nerima_portal.page_cache import MARK
from tests.conftest import make_listing, make_session
from tests.fragments import page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_only")]


@pytest.fixture
def last_seat(organization, place):
    return make_session(make_listing(organization, title="ひだまりのつどい", place=place), capacity=1)


def seats(visitor, left: int) -> str:
    return f"{left} places left" if visitor.variant == "en" else f"残り{left}人"


def full_notice(visitor) -> str:
    if visitor.variant == "en":
        return "The session is full. If you sign up, you will be on the waiting list."
    return "定員に達しています。申し込むとキャンセル待ちになります。"


def test_the_sign_up_that_takes_the_last_seat_shows_full_at_once(
    visitor, last_seat, resident, django_capture_on_commit_callbacks
):
    url = reverse("community:session_detail", args=[last_seat.pk])
    before = page(visitor, url)
    assert seats(visitor, 1) in before and full_notice(visitor) not in before

    with django_capture_on_commit_callbacks(execute=True):
        signup = signup_create(session=last_seat, user=resident)

    after = page(visitor, url)
    assert seats(visitor, 0) in after and full_notice(visitor) in after and seats(visitor, 1) not in after

    with django_capture_on_commit_callbacks(execute=True):
        signup_cancel(signup=signup)

    again = page(visitor, url)
    assert seats(visitor, 1) in again and full_notice(visitor) not in again


def test_the_seats_left_are_part_of_the_key_even_when_no_write_announces_the_sign_up(visitor, last_seat, resident):
    # bulk_create sends no signal, so the content version stays: the body must still follow the seats.
    url = reverse("community:session_detail", args=[last_seat.pk])
    assert seats(visitor, 1) in page(visitor, url)

    SignUp.objects.bulk_create([SignUp(session=last_seat, user=resident, name="練馬 エミ", status=SignUp.Status.CONFIRMED)])

    after = page(visitor, url)
    assert seats(visitor, 0) in after and seats(visitor, 1) not in after


def test_an_edit_and_a_cancellation_show_at_once(visitor, last_seat, django_capture_on_commit_callbacks):
    url = reverse("community:session_detail", args=[last_seat.pk])
    assert "あまぐもの へや" not in page(visitor, url)

    with django_capture_on_commit_callbacks(execute=True):
        session_update(session=last_seat, fields={"notes": "あまぐもの へやで おこないます"})
    assert "あまぐもの へやで おこないます" in page(visitor, url)

    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=last_seat, reason="たいふうのため")
    after = page(visitor, url)
    cancelled = "This session has been cancelled." if visitor.variant == "en" else "この回は中止になりました。"
    assert cancelled in after and "たいふうのため" in after


def test_a_withdrawn_listing_takes_its_session_page_away_at_once(visitor, last_seat):
    url = reverse("community:session_detail", args=[last_seat.pk])
    assert "ひだまりのつどい" in page(visitor, url)

    publishable_unpublish(obj=last_seat.listing)

    assert visitor.get(url).status_code == 404


def test_a_members_own_sign_up_and_token_never_reach_the_next_visitor(last_seat, resident):
    url = reverse("community:session_detail", args=[last_seat.pk])
    member = Client()
    member.force_login(resident)
    signup_create(session=last_seat, user=resident)
    mine = member.get(url).content.decode()
    assert "この回に申込済みです。" in mine

    guest = Client()
    theirs = guest.get(url).content.decode()
    assert "この回に申込済みです。" not in theirs and "アカウントなしで申し込む" in theirs
    assert "残り0人" in mine and "残り0人" in theirs  # the same cached body
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html) for html in (mine, theirs)]
    assert tokens[1] and not set(tokens[0]) & set(tokens[1])


def test_a_cached_body_costs_no_query_for_what_only_it_shows(client, last_seat, django_assert_num_queries):
    url = reverse("community:session_detail", args=[last_seat.pk])
    first = client.get(url).content.decode()
    # The second render reads the session and its seats (the key); the contact and the calendar link come cached.
    with django_assert_num_queries(2):
        second = client.get(url).content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", first) == strip.sub("", second)
    assert "Googleカレンダーに追加" in second


GUEST = {"name": "石神井 ハナ", "phone": "03-1234-5678", "email": "", "party_size": "1", "note": ""}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def whole_pages(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_the_whole_page_comes_from_the_cache_and_the_last_seat_shows_full_at_once(
    visitor, last_seat, resident, whole_pages, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = reverse("community:session_detail", args=[last_seat.pk])
    first = visitor.get(url)
    # Served whole: no query (the seats, the session, the form all come with the page).
    with django_assert_num_queries(0):
        second = visitor.get(url)
    assert first[MARK] == "miss" and second[MARK] == "hit"
    assert seats(visitor, 1) in page(visitor, url) and full_notice(visitor) not in page(visitor, url)

    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=last_seat, user=resident)

    after = visitor.get(url)
    assert after[MARK] == "miss"
    assert seats(visitor, 0) in page(visitor, url) and full_notice(visitor) in page(visitor, url)
    assert seats(visitor, 1) not in page(visitor, url)


def test_a_guest_takes_the_last_seat_from_the_cached_page_and_the_next_visitor_sees_it_full(last_seat, whole_pages):
    url, signup_url = reverse("community:session_detail", args=[last_seat.pk]), reverse("community:guest_signup", args=[last_seat.pk])
    neighbour, guest = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    neighbours_page = neighbour.get(url)
    guests_page = guest.get(url)
    assert neighbours_page[MARK] == "miss" and guests_page[MARK] == "hit"
    (guests_token,) = TOKEN.findall(guests_page.content.decode())

    sent = guest.post(signup_url, {**GUEST, "csrfmiddlewaretoken": guests_token})

    assert sent.status_code == 302 and SignUp.objects.get().status == SignUp.Status.CONFIRMED
    later = Client().get(url).content.decode()
    assert "残り0人" in later and "定員に達しています。申し込むとキャンセル待ちになります。" in later
    # The neighbour's page, from before, still sends: their token is theirs, and the session is full now.
    (neighbours_token,) = TOKEN.findall(neighbours_page.content.decode())
    waiting = neighbour.post(signup_url, {**GUEST, "name": "大泉 タロウ", "phone": "03-2222-3333",
                                          "csrfmiddlewaretoken": neighbours_token})
    assert waiting.status_code == 302
    assert SignUp.objects.get(name="大泉 タロウ").status == SignUp.Status.WAITLISTED


def test_the_cached_page_is_kept_no_longer_than_its_sign_up_stays_open(client, last_seat, whole_pages, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    last_seat.signup_closes_at = timezone.now() + dt.timedelta(minutes=2)
    last_seat.save(update_fields=["signup_closes_at"])
    url = reverse("community:session_detail", args=[last_seat.pk])
    assert client.get(url)[MARK] == "miss" and client.get(url)[MARK] == "hit"

    time_machine.shift(dt.timedelta(minutes=2, seconds=1))

    after = client.get(url)
    assert after[MARK] == "miss"
    assert "現在、申込を受け付けていません。" in after.content.decode()
    assert "アカウントなしで申し込む" not in after.content.decode()
