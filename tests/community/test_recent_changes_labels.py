"""「最近の変更」 reads like the organization's own words: names of 町丁目, places and areas, choice labels,
はい/いいえ and Japanese dates instead of raw ids, with the lookups batched for the whole page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Area, Chome, Place, PublicationStatus
from tests.conftest import make_listing, make_place

pytestmark = pytest.mark.django_db

URL = reverse("admin:community_recentchange_changelist")


def as_member(obj, user):
    obj._history_user = user  # noqa: SLF001 (simple-history's way to name the author outside a request)
    obj.save()


def chome(town: str, number: int) -> Chome:
    return Chome.objects.get(town__name=town, number=number)


def diff_html(client, staff) -> str:
    client.force_login(staff)
    return client.get(URL).content.decode()


def test_a_place_moved_to_another_chome_shows_both_chome_names(client, staff, org_member, organization):
    place = make_place("豊玉会館", organization=organization)
    place.chome = chome("桜台", 3)
    as_member(place, org_member)

    html = diff_html(client, staff)

    assert "<del>豊玉北5丁目</del> → <ins>桜台3丁目</ins>" in html
    assert f"<del>{chome('豊玉北', 5).pk}</del>" not in html


def test_a_listing_moved_to_another_place_shows_the_place_names(client, staff, org_member, organization):
    old_place = make_place("豊玉会館", organization=organization)
    new_place = make_place("桜台地区区民館", town="桜台", number=3, organization=organization)
    listing = make_listing(organization, place=old_place)
    listing.place = new_place
    as_member(listing, org_member)

    html = diff_html(client, staff)

    assert "<del>豊玉会館</del> → <ins>桜台地区区民館</ins>" in html


def test_choices_booleans_areas_and_dates_are_in_words(client, staff, org_member, organization):
    organization.area = Area.objects.get(slug="nerima")
    organization.save()
    organization.area = Area.objects.get(slug="oizumi")
    as_member(organization, org_member)
    place = make_place("豊玉会館", organization=organization)
    place.wheelchair_accessible = True
    as_member(place, org_member)
    listing = make_listing(organization, status=PublicationStatus.PUBLISHED)
    listing.status = PublicationStatus.ENDED
    as_member(listing, org_member)

    html = diff_html(client, staff)

    assert "<del>練馬</del> → <ins>大泉</ins>" in html
    assert "<del>いいえ</del> → <ins>はい</ins>" in html
    assert "<del>公開</del> → <ins>終了</ins>" in html


def test_a_related_row_that_is_gone_is_said_so(client, staff, org_member, organization):
    place = make_place("豊玉会館", organization=organization)
    spare = make_place("仮設会場", organization=organization)
    listing = make_listing(organization, place=spare)
    listing.place = place
    as_member(listing, org_member)
    # The earlier place is gone from the live table (history still names its id).
    listing.history.filter(place_id=spare.pk).update(place_id=999_999)

    html = diff_html(client, staff)

    assert "（削除済み #999999）" in html and "豊玉会館" in html


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_labels_cost_one_query_per_related_model_however_many_rows(
    client, staff, org_member, organization, django_assert_max_num_queries, rows
):
    place = make_place("豊玉会館", organization=organization)
    chomes = list(Chome.objects.order_by("pk")[:50])
    History = Place.history.model
    now = timezone.now()
    base = {f.attname: getattr(place, f.attname) for f in Place._meta.concrete_fields}
    History.objects.bulk_create(
        [
            History(
                **{**base, "chome_id": chomes[i % len(chomes)].pk},
                history_date=now + timezone.timedelta(seconds=i),
                history_type="~",
                history_user=org_member,
            )
            for i in range(rows)
        ]
    )
    client.force_login(staff)

    # session, user, union count, union page, the page's place history rows with the previous version's id,
    # the previous rows, the organizations of the page, the 町丁目 named in the diffs (with their towns, one query),
    # the admin's app list / permissions (~4), + spare
    with django_assert_max_num_queries(14):
        response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert str(chomes[(rows - 1) % len(chomes)]) in html
    assert len(response.context["changes"]) == min(rows, 25)
