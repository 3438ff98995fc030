"""Admin 「最近の変更」: organizations' edits with who/when/what, revert to the previous version, unpublish."""

from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Listing, Organization, Place, PublicationStatus
from tests.conftest import make_listing

URL = "admin:community_recentchange_changelist"


def _member_edits(client, org_member, organization, listing):
    client.force_login(org_member)
    client.post(
        reverse("community:listing_edit", args=[organization.pk, listing.pk]),
        {"title": "怪しい名前", "title_kana": "あやしいなまえ", "fee_text": "1万円"},
    )
    client.logout()


def test_staff_see_who_changed_what_and_when(client, staff, org_member, organization):
    listing = make_listing(organization, title="体操の会", fee_text="無料")
    _member_edits(client, org_member, organization, listing)
    client.force_login(staff)
    body = client.get(reverse(URL)).content.decode()
    assert "体操の会" in body and "怪しい名前" in body
    assert "無料" in body and "1万円" in body
    assert "団体 チャーリー" in body
    assert organization.name in body


def test_staff_revert_a_change_and_the_revert_is_itself_recorded(client, staff, org_member, organization):
    listing = make_listing(organization, title="体操の会", fee_text="無料")
    _member_edits(client, org_member, organization, listing)
    change = listing.history.latest()
    client.force_login(staff)
    response = client.post(reverse("admin:community_recentchange_revert", args=["community.listing", change.history_id]))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert (listing.title, listing.fee_text, listing.status) == ("体操の会", "無料", PublicationStatus.PUBLISHED)
    latest = listing.history.latest()
    assert latest.history_user == staff and "前の版に戻しました" in latest.history_change_reason


def test_staff_unpublish_from_the_list(client, staff, org_member, organization):
    listing = make_listing(organization)
    _member_edits(client, org_member, organization, listing)
    client.force_login(staff)
    client.post(reverse("admin:community_recentchange_unpublish", args=["community.listing", listing.history.latest().history_id]))
    listing.refresh_from_db()
    assert listing.status == PublicationStatus.ENDED
    assert not Listing.objects.published().filter(pk=listing.pk).exists()


def test_staff_edits_are_hidden_unless_asked(client, staff, organization):
    organization.description = "職員が直した紹介文"
    organization._history_user = staff  # noqa: SLF001 (simple-history's way to name the author outside a request)
    organization.save()
    client.force_login(staff)
    assert "職員が直した紹介文" not in client.get(reverse(URL)).content.decode()
    assert "職員が直した紹介文" in client.get(reverse(URL), {"who": "all"}).content.decode()


def test_a_resident_cannot_open_recent_changes(client, resident):
    client.force_login(resident)
    assert client.get(reverse(URL)).status_code == 302  # to the admin login


def test_the_recent_changes_query_budget_holds(client, django_assert_max_num_queries, staff, org_member, organization, place):
    place.organization = organization
    place.save()
    listings = [make_listing(organization, title=f"集い{i}") for i in range(30)]
    client.force_login(org_member)
    for listing in listings:
        client.post(reverse("community:listing_edit", args=[organization.pk, listing.pk]), {"title": "改", "title_kana": "かい"})
    client.post(
        reverse("community:place_edit", args=[organization.pk, place.pk]),
        {"name": "新会館", "address": place.address, "chome": place.chome_id},
    )
    Organization.objects.filter(pk=organization.pk)  # organizations' own edits are covered above
    client.force_login(staff)
    # session, user, union count, union page; per history table on the page (listing, place): page rows with the
    # previous version's id + the previous rows; organizations of the page; admin sidebar/app list (~4), + spare.
    with django_assert_max_num_queries(16):
        response = client.get(reverse(URL))
    assertContains(response, "新会館")
    assert Place.history.filter(name="新会館").exists()


def test_the_admin_index_links_to_recent_changes_for_both_staff_groups(client, staff, coordinator):
    for user in (staff, coordinator):
        client.force_login(user)
        body = client.get(reverse("admin:index")).content.decode()
        assert reverse(URL) in body and "最近の変更" in body
        assert client.get(reverse(URL)).status_code == 200
