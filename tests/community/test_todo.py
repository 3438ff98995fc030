"""The staff to-do list on the admin's first page: each waiting kind with a count, the overdue count, the oldest
age and a link; only what the clerk may see; registered by the apps, never named by the kernel."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from community.models import OutboxMessage, PhoneCall, PublicationStatus, SignUp
from community.todo import todo_items, todo_rows_for
from hiroba.services.consultations import consultation_create
from tests.conftest import make_listing, make_organization, make_session
from tests.volunteers.factories_associations import make_association, make_inquiry
from volunteers.models import JoinInquiry

ADMIN_INDEX = reverse("admin:index")


def _waiting_work(listing, staff):
    make_organization("承認待ちの会", status=PublicationStatus.PENDING)
    make_listing(listing.organization, title="承認待ちの掲載", status=PublicationStatus.PENDING)
    association = make_association()
    old = make_inquiry(association.organization)
    JoinInquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=10))
    make_inquiry(association.organization, name="新しい 問い合わせ")
    consultation_create(topic="elderly", message="相談です", contact_method="phone", name="練馬 花子", phone="03-0000-1111")
    signup = SignUp.objects.create(
        session=make_session(listing), name="電話 太郎", phone="03-0000-2222", status="confirmed", proxy_by=staff
    )
    PhoneCall.objects.create(key="test-call", signup=signup, reason="cancelled", detail="中止")
    OutboxMessage.objects.create(key="failed-1", kind="test", to="x@example.jp", subject="件名", body="本文",
                                 status=OutboxMessage.Status.FAILED, last_error="SMTPDataError 451")
    # A mail the worker has not picked up for two hours (the worker is down), and one queued just now.
    OutboxMessage.objects.create(key="stuck-1", kind="test", to="y@example.jp", subject="件名", body="本文",
                                 created_at=timezone.now() - dt.timedelta(hours=2))
    OutboxMessage.objects.create(key="fresh-1", kind="test", to="z@example.jp", subject="件名", body="本文")


def test_the_admin_first_page_lists_what_waits_with_counts_ages_and_links(client, staff, listing):
    _waiting_work(listing, staff)
    client.force_login(staff)
    page = client.get(ADMIN_INDEX).content.decode()

    assert page.index("やること") < page.index("地域・団体・開催回")  # above the app list
    rows = {row.item.key: row for row in todo_rows_for(staff)}
    assert (rows["volunteers.join_inquiries"].count, rows["volunteers.join_inquiries"].overdue) == (2, 1)
    assert rows["volunteers.join_inquiries"].days_waiting == 10
    for key, count in [("community.pending_organizations", 1), ("community.pending_listings", 1),
                       ("hiroba.new_consultations", 1), ("community.phone_calls", 1), ("community.failed_mails", 1),
                       ("community.stuck_mails", 1)]:
        assert rows[key].count == count, key
    for url in ["/admin/volunteers/joininquiry/?status__exact=new", "/admin/community/phonecall/?done=no",
                "/admin/community/outboxmessage/?status__exact=failed", "/admin/hiroba/consultationrequest/?status__exact=new",
                "/admin/community/listing/?status__exact=pending"]:
        assert f'href="{url}"' in page, url
    assert "未回答の加入の問い合わせ（町会・自治会）" in page and "10日前" in page


def test_each_link_opens_the_list_it_counts(client, staff, listing):
    _waiting_work(listing, staff)
    client.force_login(staff)
    for row in todo_rows_for(staff):
        response = client.get(row.item.url())
        assert response.status_code == 200, row.item.key


def test_a_coordinator_sees_only_what_coordinators_may_see(client, coordinator, listing, staff):
    _waiting_work(listing, staff)
    keys = {row.item.key for row in todo_rows_for(coordinator)}
    assert "volunteers.join_inquiries" in keys and "community.phone_calls" in keys
    assert "community.failed_mails" not in keys and "volunteers.commissioner_contacts" not in keys
    assert "community.stuck_mails" not in keys
    client.force_login(coordinator)
    page = client.get(ADMIN_INDEX).content.decode()
    assert "送信できなかったメール" not in page and "民生・児童委員への連絡" not in page


def test_residents_and_visitors_get_no_to_do_list(resident):
    assert todo_rows_for(resident) == []


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_first_page_has_a_fixed_query_budget(client, staff, organization, rows, django_assert_max_num_queries):
    association = make_association()
    JoinInquiry.objects.bulk_create([
        JoinInquiry(association=association.organization, name=f"問い合わせ {n}", email="a@example.jp") for n in range(rows)
    ])
    client.force_login(staff)
    # auth session + user, the user's permissions (user and group, cached for the request), one aggregate per
    # to-do item the clerk may see (9 for 区職員), the admin's app list and the recent actions = 16.
    with django_assert_max_num_queries(16):
        response = client.get(ADMIN_INDEX)
    assert response.status_code == 200
    assert f"{rows}件" in response.content.decode()


def test_the_apps_register_their_items_and_the_kernel_names_no_initiative_app():
    keys = {item.key.split(".")[0] for item in todo_items()}
    assert {"community", "volunteers", "hiroba", "projects"} <= keys
    kernel = [Path(settings.BASE_DIR, "community", name).read_text() for name in ("todo.py", "todo_items.py")]
    for app in ("volunteers", "hiroba", "projects", "cafes", "international"):
        assert all(app not in source for source in kernel), app


def test_the_items_live_in_the_kernels_registry_and_registering_again_adds_none():
    from django.apps import apps

    from community import registry

    before = len(registry.staff_todo)
    assert before == len(todo_items()) and before >= 9
    for config in ("community", "volunteers", "hiroba", "projects"):
        apps.get_app_config(config).ready()  # ready() may run twice (tests, autoreload): no duplicate rows
    assert len(registry.staff_todo) == before
