from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def _render(page_number, query="area=shakujii&weekday=2"):
    request = RequestFactory().get(f"/cafes/?{query}&page={page_number}")
    page_obj = Paginator(list(range(45)), 20).get_page(page_number)
    return render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request)


def test_the_pagination_keeps_the_filters_and_says_where_we_are():
    html = _render(2)
    assert "全45件（2 / 3ページ）" in html
    assert "area=shakujii&amp;weekday=2&amp;page=1" in html
    assert "area=shakujii&amp;weekday=2&amp;page=3" in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_a_single_page_shows_no_pagination():
    request = RequestFactory().get("/")
    page_obj = Paginator([1, 2], 20).get_page(1)
    assert render_to_string("includes/pagination.html", {"page_obj": page_obj}, request=request).strip() == ""


def test_a_view_with_many_organizations_paginates(client, org_member):
    from community.models import Membership
    from tests.conftest import make_organization

    for i in range(25):
        Membership.objects.create(organization=make_organization(f"会{i}", name_kana=f"かい{i:02d}"), user=org_member)
    client.force_login(org_member)
    body = client.get("/my/organizations/?page=2").content.decode()
    assert "2 / 2ページ" in body and 'rel="prev"' in body
