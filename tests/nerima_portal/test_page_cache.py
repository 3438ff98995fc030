"""Whole anonymous pages from the shared cache: one per address, language, text size and ふりがな; never for a signed-in
visitor; a page with a form that posts is shared with each visitor's own CSRF token
(tests/nerima_portal/test_page_cache_token.py); thrown away by every publish, edit, sign-up or cancellation."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from community import content_version
from community.models import Membership, PublicationStatus
from community.services.moderation import publishable_approve
from community.services.signups import signup_cancel, signup_create
from nerima_portal.page_cache import MARK
from tests.cafes.conftest import make_care_cafe
from tests.conftest import make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def cafe(organization, place):
    return make_care_cafe(organization, title="石神井ふれあいカフェ", place=place, signup_required=True)


@pytest.fixture
def last_seat(cafe):
    return make_session(cafe, capacity=1, signup_required=True)


def test_an_anonymous_page_comes_from_the_cache_the_second_time_without_a_query(
    client, cafe, django_assert_num_queries
):
    first = client.get(reverse("cafes:index"))
    # Served whole from the cache: no query at all.
    with django_assert_num_queries(0):
        second = client.get(reverse("cafes:index"))

    assert first[MARK] == "miss" and second[MARK] == "hit"
    assert second.content == first.content
    assert "石神井ふれあいカフェ" in second.content.decode()


@pytest.mark.parametrize(
    "cookies, expected",
    [
        ({"django_language": "en"}, '<html lang="en"'),
        ({"textsize": "large"}, 'class="text-large"'),
        ({"furigana": "on"}, "<rt>"),
    ],
    ids=["language", "text size", "furigana"],
)
def test_each_language_text_size_and_furigana_gets_its_own_page(client, cafe, cookies, expected):
    plain = client.get(reverse("cafes:index"))
    other = Client()
    other.cookies.load(cookies)

    first = other.get(reverse("cafes:index"))
    again = other.get(reverse("cafes:index"))

    assert first[MARK] == "miss" and again[MARK] == "hit"
    assert expected in again.content.decode()
    assert expected not in plain.content.decode()


def test_a_signed_in_visitor_is_neither_served_nor_stores_a_shared_page(client, resident, cafe):
    client.force_login(resident)
    client.get(reverse("cafes:index"))
    signed_in = client.get(reverse("cafes:index"))

    assert MARK not in signed_in
    assert "ログアウト" in signed_in.content.decode()
    anonymous = Client().get(reverse("cafes:index"))
    assert anonymous[MARK] == "miss"
    assert "ログアウト" not in anonymous.content.decode()


def test_a_sign_up_that_takes_the_last_seat_shows_full_on_the_cached_pages_at_once(
    client, cafe, last_seat, resident, django_capture_on_commit_callbacks
):
    detail, session_page = reverse("cafes:care_detail", args=[cafe.pk]), reverse("community:session_detail", args=[last_seat.pk])
    assert "必要・残り1人" in client.get(detail).content.decode()
    assert "残り1人" in client.get(session_page).content.decode()
    assert client.get(detail)[MARK] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=last_seat, user=resident)

    after = client.get(detail)
    assert after[MARK] == "miss"
    assert "満席（キャンセル待ちできます）" in after.content.decode()
    assert "必要・残り1人" not in after.content.decode()
    assert "残り0人" in client.get(session_page).content.decode()


def test_a_cancellation_gives_the_seat_back_on_the_cached_page(client, cafe, last_seat, resident):
    signup = signup_create(session=last_seat, user=resident)
    detail = reverse("cafes:care_detail", args=[cafe.pk])
    assert "満席" in client.get(detail).content.decode()

    signup_cancel(signup=signup)

    assert "必要・残り1人" in client.get(detail).content.decode()


def test_a_listing_approved_by_staff_appears_on_the_cached_list_at_once(client, organization, place, cafe):
    waiting = make_care_cafe(organization, title="承認待ちのカフェ", title_kana="しょうにん", place=place,
                             status=PublicationStatus.PENDING)
    assert "承認待ちのカフェ" not in client.get(reverse("cafes:index")).content.decode()

    publishable_approve(obj=waiting)

    assert "承認待ちのカフェ" in client.get(reverse("cafes:index")).content.decode()


def test_a_browser_that_has_the_page_is_told_it_has_not_changed(client, cafe):
    first = client.get(reverse("cafes:index"))
    etag = first["ETag"]

    again = client.get(reverse("cafes:index"), headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    cafe.title = "名前の変わったカフェ"
    cafe.save()
    changed = client.get(reverse("cafes:index"), headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_page_with_a_form_that_posts_is_shared_and_each_visitor_sends_it_with_their_own_token():
    # 相談受付: anyone may send it without an account (the CSRF token is the page's only per-visitor part).
    from hiroba.models import ConsultationDesk, ConsultationRequest

    ConsultationDesk.objects.create(name="練馬区役所 代表電話", kind="ward", phone="03-3993-1111",
                                    topics=["living"], is_main_contact=True)
    url = reverse("hiroba:request_create")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(url)

    page = second.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    sent = second.post(url, {"topic": "living", "message": "生活のことで相談したいです。", "language": "ja",
                             "is_anonymous": "on", "consent": "on", "csrfmiddlewaretoken": token})

    assert page[MARK] == "hit"
    assert sent.status_code == 302 and ConsultationRequest.objects.count() == 1


def test_a_visitor_with_a_message_waiting_gets_the_page_rendered_for_them(client, cafe):
    client.get(reverse("cafes:index"))
    client.cookies["messages"] = "waiting"

    assert MARK not in client.get(reverse("cafes:index"))


def test_shared_pages_carry_no_csrf_token_but_signed_in_pages_do(client, resident):
    assert "csrfmiddlewaretoken" not in client.get(reverse("home")).content.decode()
    client.force_login(resident)
    assert "csrfmiddlewaretoken" in client.get(reverse("home")).content.decode()


def test_the_header_switches_work_for_anonymous_visitors_without_a_token():
    visitor = Client(enforce_csrf_checks=True)

    for name, data, cookie in [
        ("text_size", {"size": "large", "next": "/"}, "textsize"),
        ("furigana", {"furigana": "on", "next": "/"}, "furigana"),
        ("set_language", {"language": "en", "next": "/"}, "django_language"),
    ]:
        response = visitor.post(reverse(name), data)
        assert response.status_code == 302, name
        assert cookie in response.cookies, name


def test_a_signed_in_language_change_still_needs_its_token(resident):
    member = Client(enforce_csrf_checks=True)
    member.force_login(resident)

    refused = member.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert refused.status_code == 403
    resident.refresh_from_db()
    assert resident.preferred_language == "ja"

    token = member.get(reverse("home")).context["csrf_token"]
    accepted = member.post(reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    resident.refresh_from_db()
    assert resident.preferred_language == "en"


def test_public_writes_move_the_content_version_and_private_ones_do_not(cafe, organization, resident):
    newcomer = make_user("m@example.jp")
    before = content_version.current()
    cafe.summary = "お茶と体操"
    cafe.save()
    after_edit = content_version.current()

    Membership.objects.create(organization=organization, user=newcomer, role="editor")
    resident.save(update_fields=["last_login"])  # what a login writes

    assert after_edit != before
    assert content_version.current() == after_edit


def test_a_sign_up_moves_the_content_version_but_not_the_schedule_version(listing, resident):
    session = make_session(listing)
    content, schedule = content_version.current(), content_version.schedule_current()
    signup = signup_create(session=session, user=resident)
    signup_cancel(signup=signup)
    assert content_version.current() != content, "the session page's seats changed"
    assert content_version.schedule_current() == schedule, "no session was added, moved or renamed"


def test_every_other_public_write_moves_the_schedule_version_too(listing):
    before = content_version.schedule_current()
    session = make_session(listing)
    after_new = content_version.schedule_current()
    session.title = "午後の体操"
    session.save()
    after_edit = content_version.schedule_current()
    listing.save()
    after_listing = content_version.schedule_current()
    content_version.content_changed()  # what bulk writes and update() call
    assert len({before, after_new, after_edit, after_listing, content_version.schedule_current()}) == 5


def test_a_release_retires_the_pages_and_fragments_cached_by_the_code_before_it():
    # Every deploy runs `migrate` (deploy/systemd/nerima-portal-release.service), which ends with post_migrate.
    from django.apps import apps
    from django.core.management.sql import emit_post_migrate_signal

    before = content_version.current(), content_version.schedule_current()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default", apps=apps)
    after = content_version.current(), content_version.schedule_current()
    assert after[0] != before[0] and after[1] != before[1]
