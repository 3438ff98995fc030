"""Every マイ団体 URL: a member of organization B gets 404 on organization A's objects; visitors must log in."""

import pytest
from django.urls import reverse

# (url name, how to build its args from organization A's objects, HTTP method)
SELF_SERVICE_URLS = [
    ("community:organization_dashboard", lambda a: [a.organization.pk], "get"),
    ("community:organization_edit", lambda a: [a.organization.pk], "get"),
    ("community:organization_edit", lambda a: [a.organization.pk], "post"),
    ("community:listing_create", lambda a: [a.organization.pk], "get"),
    ("community:listing_create", lambda a: [a.organization.pk], "post"),
    ("community:listing_edit", lambda a: [a.organization.pk, a.listing.pk], "get"),
    ("community:listing_edit", lambda a: [a.organization.pk, a.listing.pk], "post"),
    ("community:place_list", lambda a: [a.organization.pk], "get"),
    ("community:place_create", lambda a: [a.organization.pk], "get"),
    ("community:place_create", lambda a: [a.organization.pk], "post"),
    ("community:place_edit", lambda a: [a.organization.pk, a.place.pk], "get"),
    ("community:place_edit", lambda a: [a.organization.pk, a.place.pk], "post"),
    ("community:member_list", lambda a: [a.organization.pk], "get"),
    ("community:member_list", lambda a: [a.organization.pk], "post"),
    ("community:member_remove", lambda a: [a.organization.pk, a.editor_membership.pk], "post"),
    ("community:member_role", lambda a: [a.organization.pk, a.editor_membership.pk], "post"),
    ("community:invitation_revoke", lambda a: [a.organization.pk, a.invitation.pk], "post"),
    ("community:listing_sessions", lambda a: [a.organization.pk, a.listing.pk], "get"),
    ("community:listing_sessions", lambda a: [a.organization.pk, a.listing.pk], "post"),
    ("community:schedule_delete", lambda a: [a.organization.pk, a.listing.pk, a.schedule.pk], "post"),
    ("community:session_edit", lambda a: [a.organization.pk, a.session.pk], "get"),
    ("community:session_cancel", lambda a: [a.organization.pk, a.session.pk], "get"),
    ("community:session_signups", lambda a: [a.organization.pk, a.session.pk], "get"),
    ("community:session_signups_csv", lambda a: [a.organization.pk, a.session.pk], "get"),
    ("community:session_headcount", lambda a: [a.organization.pk, a.session.pk], "get"),
    ("community:session_headcount", lambda a: [a.organization.pk, a.session.pk], "post"),
]
IDS = [f"{method} {name.split(':')[1]}" for name, _, method in SELF_SERVICE_URLS]

# URLs that name an object below the organization: B's member tries A's object under B's own organization.
NESTED = [
    ("community:listing_edit", lambda a, b: [b.organization.pk, a.listing.pk]),
    ("community:place_edit", lambda a, b: [b.organization.pk, a.place.pk]),
    ("community:member_remove", lambda a, b: [b.organization.pk, a.editor_membership.pk]),
    ("community:member_role", lambda a, b: [b.organization.pk, a.editor_membership.pk]),
    ("community:invitation_revoke", lambda a, b: [b.organization.pk, a.invitation.pk]),
    ("community:listing_sessions", lambda a, b: [b.organization.pk, a.listing.pk]),
    ("community:session_signups", lambda a, b: [b.organization.pk, a.session.pk]),
    ("community:session_signups_csv", lambda a, b: [b.organization.pk, a.session.pk]),
    ("community:session_headcount", lambda a, b: [b.organization.pk, a.session.pk]),
]
NESTED_METHOD = {"community:member_remove": "post", "community:member_role": "post", "community:invitation_revoke": "post"}


def _call(client, method, url):
    return client.post(url, {"role": "editor", "title": "x"}) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "args", "method"), SELF_SERVICE_URLS, ids=IDS)
def test_a_member_of_another_organization_gets_404(client, org_a, org_b, name, args, method):
    client.force_login(org_b.member)
    response = _call(client, method, reverse(name, args=args(org_a)))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "args"), NESTED, ids=[n.split(":")[1] for n, _ in NESTED])
def test_an_object_of_another_organization_is_404_even_under_my_own(client, org_a, org_b, name, args):
    client.force_login(org_b.member)
    response = _call(client, NESTED_METHOD.get(name, "get"), reverse(name, args=args(org_a, org_b)))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "args", "method"), SELF_SERVICE_URLS, ids=IDS)
def test_a_visitor_is_sent_to_log_in(client, org_a, name, args, method):
    url = reverse(name, args=args(org_a))
    response = _call(client, method, url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "args", "method"), SELF_SERVICE_URLS, ids=IDS)
def test_nothing_changed_after_a_refused_request(client, org_a, org_b, name, args, method):
    client.force_login(org_b.member)
    _call(client, method, reverse(name, args=args(org_a)))
    org_a.organization.refresh_from_db()
    assert org_a.organization.memberships.count() == 2
    assert org_a.invitation.__class__.objects.get(pk=org_a.invitation.pk).is_pending
    assert org_a.organization.listings.count() == 1
    assert org_a.organization.places.count() == 1


@pytest.mark.parametrize(
    ("name", "args", "method"), [u for u in SELF_SERVICE_URLS if u[2] == "get"], ids=[i for i in IDS if i.startswith("get")]
)
def test_the_representative_opens_every_page(client, org_a, name, args, method):
    client.force_login(org_a.representative)
    assert client.get(reverse(name, args=args(org_a))).status_code == 200


MEMBER_ADMIN_URLS = [
    ("community:member_list", lambda a: [a.organization.pk], "get"),
    ("community:member_list", lambda a: [a.organization.pk], "post"),
    ("community:member_remove", lambda a: [a.organization.pk, a.representative_membership.pk], "post"),
    ("community:member_role", lambda a: [a.organization.pk, a.representative_membership.pk], "post"),
    ("community:invitation_revoke", lambda a: [a.organization.pk, a.invitation.pk], "post"),
]


@pytest.mark.parametrize(("name", "args", "method"), MEMBER_ADMIN_URLS, ids=[f"{m} {n}" for n, _, m in MEMBER_ADMIN_URLS])
def test_an_editor_is_told_plainly_that_only_representatives_manage_members(client, org_a, name, args, method):
    client.force_login(org_a.editor)
    response = _call(client, method, reverse(name, args=args(org_a)))
    assert response.status_code == 403
    assert "代表者だけ" in response.content.decode()
    assert org_a.representative_membership.__class__.objects.filter(organization=org_a.organization).count() == 2


@pytest.mark.parametrize(
    "name", ["community:organization_dashboard", "community:organization_edit", "community:place_list"]
)
def test_an_editor_may_keep_the_organization_pages(client, org_a, name):
    client.force_login(org_a.editor)
    assert client.get(reverse(name, args=[org_a.organization.pk])).status_code == 200
