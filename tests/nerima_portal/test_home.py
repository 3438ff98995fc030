import pytest
from django.urls import reverse

SECTION_URLS = [
    "cafes:index", "hiroba:index", "volunteers:index", "volunteers:college", "projects:index", "international:index",
]


def test_home_links_to_every_initiative(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    for name in SECTION_URLS:
        assert reverse(name) in response.content.decode()


@pytest.mark.parametrize("name", SECTION_URLS)
def test_each_section_index_opens_with_one_h1(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_home_in_a_real_browser_has_no_axe_violations(page, live_server, assert_accessible):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "ねりま地域福祉ポータル"
    assert_accessible(page)
