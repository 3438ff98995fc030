"""iCal feeds: the coming three months of public sessions, all areas or one; cancelled ones marked."""

from django.urls import reverse
from icalendar import Calendar

from opendata import standard


def _events(client, **params):
    response = client.get(reverse("opendata:calendar"), params)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Link"] == f'<{standard.LICENSE_URL}>; rel="license"'
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_holds_the_public_sessions_of_the_next_three_months(client, public_data):
    d = public_data
    calendar, events = _events(client)
    assert set(events) == {f"session-{s.pk}@nerima-fukushi-portal" for s in (d.session, d.plaza_session, d.cancelled)}
    assert str(calendar["X-WR-CALNAME"]) == "ねりま地域福祉ポータル"
    assert str(events[f"session-{d.cancelled.pk}@nerima-fukushi-portal"]["STATUS"]) == "CANCELLED"
    assert str(events[f"session-{d.plaza_session.pk}@nerima-fukushi-portal"]["SUMMARY"]) == "秋の交流会"


def test_one_areas_feed_holds_the_sessions_held_there(client, public_data):
    calendar, events = _events(client, area="oizumi")
    assert list(events) == [f"session-{public_data.plaza_session.pk}@nerima-fukushi-portal"]
    assert "大泉" in str(calendar["X-WR-CALNAME"])


def test_an_unknown_area_is_404(client, public_data):
    assert client.get(reverse("opendata:calendar"), {"area": "mars"}).status_code == 404


def test_the_feed_holds_no_person(client, public_data):
    body = client.get(reverse("opendata:calendar")).content.decode()
    assert "個人 情報子" not in body and "090-9999-0000" not in body


def test_files_and_feeds_are_served_from_the_cache_for_five_minutes(client, public_data, django_assert_max_num_queries):
    for url in (reverse("opendata:calendar"), reverse("opendata:csv", args=["event"])):
        first = client.get(url)
        with django_assert_max_num_queries(0):
            again = client.get(url)
        assert again.content == first.content and "max-age=300" in again["Cache-Control"]
