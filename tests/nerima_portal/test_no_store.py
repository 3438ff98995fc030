"""Pages with personal data send `Cache-Control: no-store`: this walks every URL of the portal.

A URL is public only if it is listed below; every other one must either need a login (then every
answer is no-store, since it is the signed-in user's) or be a declared anonymous personal page.
A new URL therefore fails here until someone decides which kind it is.
"""

import pytest
from django.contrib import admin
from django.urls import URLResolver, get_resolver, reverse

from nerima_portal.middleware import ANONYMOUS_PERSONAL_VIEWS
from tests.conftest import make_session

pytestmark = pytest.mark.django_db

# Pages anyone may see, with no one's personal data on them.
PUBLIC = {
    "home", "healthz", "search", "calendar", "calendar_ics", "text_size", "furigana", "set_language",
    "account_login", "account_logout", "account_inactive", "account_signup", "account_reset_password",
    "account_reset_password_done", "community:account_deleted", "community:organization_detail",
    "community:session_detail", "community:session_ics",
    "volunteers:index", "volunteers:association_list", "volunteers:association_detail", "volunteers:association_inquiry",
    "volunteers:association_inquiry_sent", "volunteers:newcomer", "volunteers:resource_download",
    "volunteers:commissioners", "volunteers:commissioner_contact", "volunteers:commissioner_contact_sent",
    "volunteers:collaborators", "volunteers:area_list", "volunteers:area_detail", "volunteers:npo_support",
    "volunteers:npo_seminar_detail", "volunteers:npo_groups", "volunteers:college", "volunteers:college_cohort",
    "volunteers:college_graduates", "volunteers:openings", "volunteers:opening_detail",
    "cafes:index", "cafes:care_detail", "cafes:kids_index", "cafes:kids_detail", "cafes:print_month",
    "hiroba:index", "hiroba:plaza_list", "hiroba:plaza_detail", "hiroba:desk_list", "hiroba:finder",
    "hiroba:request_create",
    "projects:index", "projects:call_detail", "projects:showcase_list", "projects:showcase_detail",
    "international:index", "international:class_list", "international:class_detail", "international:desk_detail",
    "international:event_list", "international:event_detail",
}
# Private documents answer a visitor 404 (not a login page): nobody learns that the file exists.
HIDDEN_FROM_VISITORS = {"community:private_file"}
LOGIN_PAGES = ("/accounts/login/", "/admin/login/")
PLACEHOLDER = {"IntConverter": 999999, "StringConverter": "x", "SlugConverter": "x", "PathConverter": "x"}


def portal_urls():
    """(name, url with placeholder arguments) for every named URL outside the admin."""

    def walk(patterns, namespaces=()):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, namespaces + ((pattern.namespace,) if pattern.namespace else ()))
            elif pattern.name:
                yield ":".join(namespaces + (pattern.name,)), pattern

    for name, pattern in walk(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue  # the admin is checked model by model below
        converters = getattr(pattern.pattern, "converters", {})
        groups = pattern.pattern.regex.groupindex
        kwargs = {key: PLACEHOLDER[type(converters[key]).__name__] if key in converters else "x" for key in groups}
        yield name, reverse(name, kwargs=kwargs)


def test_every_page_that_is_not_listed_public_is_kept_from_caches(client):
    leaks = []
    for name, url in portal_urls():
        if name in PUBLIC:
            continue
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url)
        needs_login = response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES)
        needs_login |= name in HIDDEN_FROM_VISITORS and response.status_code == 404
        declared = name in ANONYMOUS_PERSONAL_VIEWS and "no-store" in response.get("Cache-Control", "")
        if not (needs_login or declared):
            leaks.append(f"{name} {url} → {response.status_code} {response.get('Cache-Control', '')}")
    assert not leaks, "Neither public, nor behind a login, nor declared personal:\n" + "\n".join(leaks)


def test_the_public_list_names_only_real_urls():
    assert PUBLIC <= {name for name, _url in portal_urls()}


def test_a_public_page_stays_cacheable_for_visitors(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_a_cancel_link_from_a_mail_is_no_store(client, listing, resident):
    from community.services.signups import cancel_token, signup_create

    signup = signup_create(session=make_session(listing), user=resident)
    response = client.get(reverse("community:signup_cancel", args=[cancel_token(signup)]))
    # Whoever holds the link sees what this resident signed up for.
    assert response.status_code == 200 and "「テストの集い」" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_consultation_receipt_is_no_store(client):
    from tests.hiroba.test_requests import ANONYMOUS

    response = client.post(reverse("hiroba:request_create"), ANONYMOUS, follow=True)
    assert response.status_code == 200 and "S-" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_form_sent_back_with_errors_is_no_store(client):
    from tests.hiroba.test_requests import NAMED

    response = client.post(reverse("hiroba:request_create"), {**NAMED, "phone": ""})
    assert response.status_code == 400 and "練馬 花子" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["community:mypage", "community:personal_data", "community:personal_data_download"])
def test_a_residents_own_pages_are_no_store(client, resident, name):
    client.force_login(resident)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_sign_up_list_and_its_csv_are_no_store(client, org_member, organization, listing, resident):
    from community.services.signups import signup_create

    session = make_session(listing)
    signup_create(session=session, user=resident)
    client.force_login(org_member)
    for name in ("community:session_signups", "community:session_signups_csv"):
        response = client.get(reverse(name, args=[organization.pk, session.pk]))
        assert response.status_code == 200 and "練馬 エミ" in response.content.decode(), name
        assert "no-store" in response["Cache-Control"], name


def test_every_admin_list_is_no_store(client, django_user_model):
    superuser = django_user_model.objects.create_superuser(email="root@example.jp", password="pass-word-123")
    client.force_login(superuser)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
