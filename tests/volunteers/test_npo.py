"""NPO support: menus, seminars whose sessions sign up through the kernel, and the group directory."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Area, Organization, PublicationStatus
from tests.conftest import make_session
from volunteers.models import GroupProfile, NpoSeminar, NpoSupportMenu

pytestmark = pytest.mark.django_db


@pytest.fixture
def center(db):
    return Organization.objects.create(name="区民協働交流センター", name_kana="く", kind="npo", status="published")


def make_seminar(center, title="会計講座", status=PublicationStatus.PUBLISHED):
    return NpoSeminar.objects.create(organization=center, title=title, title_kana="かいけい", status=status)


def test_the_support_page_lists_menus_and_upcoming_seminars_with_a_link_to_sign_up(client, center):
    NpoSupportMenu.objects.create(kind="founding", title="設立相談", description="NPOをつくる相談")
    seminar = make_seminar(center)
    session = make_session(seminar, days=10)
    make_seminar(center, title="下書き講座", status=PublicationStatus.DRAFT)

    html = client.get(reverse("volunteers:npo_support")).content.decode()
    detail = client.get(reverse("volunteers:npo_seminar_detail", args=[seminar.pk])).content.decode()

    assert "設立相談" in html and "会計講座" in html and "下書き講座" not in html
    assert reverse("community:session_detail", args=[session.pk]) in detail
    assert seminar.get_absolute_url() == reverse("volunteers:npo_seminar_detail", args=[seminar.pk])


def test_a_seminar_session_is_signed_up_for_through_the_kernel(client, center, resident):
    seminar = make_seminar(center)
    session = make_session(seminar, capacity=20)
    client.force_login(resident)

    response = client.post(reverse("community:session_signup", args=[session.pk]), {"party_size": 1})

    assert response.status_code == 302
    assert session.signups.get().user == resident


def test_a_draft_seminar_is_404(client, center):
    seminar = make_seminar(center, status=PublicationStatus.DRAFT)

    assert client.get(reverse("volunteers:npo_seminar_detail", args=[seminar.pk])).status_code == 404


def make_group(name, *, kind="npo", field="elderly", area=None, help_wanted="", status="published"):
    org = Organization.objects.create(name=name, name_kana=name, kind=kind, status=status, area=area)
    return GroupProfile.objects.create(organization=org, field=field, activity_summary="活動", help_wanted=help_wanted)


def test_the_group_directory_filters_by_field_area_kind_and_help_wanted(client):
    nerima, oizumi = Area.objects.get(slug="nerima"), Area.objects.get(slug="oizumi")
    make_group("見守りNPO", field="elderly", area=nerima, help_wanted="電話ボランティア")
    make_group("子育て会", kind="volunteer", field="childcare", area=oizumi)
    make_group("非公開NPO", status="pending")
    url = reverse("volunteers:npo_groups")

    everything = client.get(url).content.decode()
    assert "見守りNPO" in everything and "子育て会" in everything and "非公開NPO" not in everything
    assert "電話ボランティア" in everything
    assert "子育て会" not in client.get(url, {"field": "elderly"}).content.decode()
    assert "見守りNPO" not in client.get(url, {"area": oizumi.pk}).content.decode()
    assert "見守りNPO" not in client.get(url, {"kind": "volunteer"}).content.decode()
    assert "子育て会" not in client.get(url, {"seeking": "on"}).content.decode()


@pytest.mark.parametrize("n", [10, 1000])
def test_the_group_directory_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    orgs = Organization.objects.bulk_create(
        [Organization(name=f"団体{i}", name_kana=f"だんたい{i:04d}", kind="npo", status="published") for i in range(n)]
    )
    GroupProfile.objects.bulk_create([GroupProfile(organization=o, field="eco", activity_summary="x") for o in orgs])
    # count, page of groups (+organization, area), area options of the filter form.
    with django_assert_max_num_queries(3):
        response = client.get(reverse("volunteers:npo_groups"))
    assertContains(response, "団体0")


@pytest.mark.parametrize("n", [10, 1000])
def test_the_support_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, center, n):
    # bulk_create refuses multi-table models: create the Listing rows, then the child rows in one statement.
    from django.db import connection

    from community.models import Listing

    parents = Listing.objects.bulk_create(
        [Listing(organization=center, title=f"講座{i}", title_kana=f"こうざ{i:04d}", status="published",
                 kind="volunteers.nposeminar") for i in range(n)]
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO volunteers_nposeminar (listing_ptr_id, topic) VALUES (%s, '')", [(p.pk,) for p in parents]
        )
    seminars = list(NpoSeminar.objects.filter(pk__in=[p.pk for p in parents[:5]]))
    for seminar in seminars:
        make_session(seminar)
    # menus, seminars (+organization, place, next session subquery).
    with django_assert_max_num_queries(2):
        response = client.get(reverse("volunteers:npo_support"))
    assertContains(response, seminars[0].title)
