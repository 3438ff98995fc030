"""The query-budget fixtures refuse to measure an error page or a redirect to the login page (tests/conftest.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_budget_that_measured_a_404_fails(client, django_assert_max_num_queries):
    with pytest.raises(AssertionError, match="measured a 404 response"):
        with django_assert_max_num_queries(50):
            client.get("/no-such-page/")


def test_a_budget_that_measured_the_login_redirect_fails(client, django_assert_num_queries):
    with pytest.raises(AssertionError, match="measured a 302 response to /accounts/login/"):
        with django_assert_num_queries(0):
            client.get(reverse("community:mypage"))


def test_a_budget_that_measured_the_page_passes(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(50):
        response = client.get(reverse("home"))
    assert response.status_code == 200 and "ねりま地域福祉ポータル" in response.content.decode()
