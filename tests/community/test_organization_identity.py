"""Who an organization is stays moderated: 区・社会福祉協議会・地域包括支援センター only by staff; a public
organization's new name or 種別 waits for approval while the public keeps the approved one, and shows in 最近の変更."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from community.changes import change_rows, tracked_models
from community.models import Organization, PublicationStatus
from community.services import organizations as services

pytestmark = pytest.mark.django_db

PROFILE = {
    "kind": "chokai", "name": "練馬テスト町会", "name_kana": "ねりまてすとちょうかい", "description": "", "area": "",
    "address": "", "contact_phone": "", "contact_email": "", "website": "",
}
IMPOSTOR = {**PROFILE, "kind": "ward", "name": "練馬区 福祉部 地域福祉課（公式）", "name_kana": "ねりまく"}


def edit(client, organization, **fields):
    return client.post(reverse("community:organization_edit", args=[organization.pk]), {**PROFILE, **fields})


@pytest.mark.parametrize("kind", ["ward", "shakyo", "houkatsu"])
def test_a_member_cannot_give_the_organization_a_staff_only_kind(kind, client, org_member, organization):
    client.force_login(org_member)
    response = edit(client, organization, kind=kind)
    assert response.status_code == 400
    organization.refresh_from_db()
    assert (organization.kind, organization.pending_kind) == ("chokai", "")


def test_the_kind_choices_of_a_member_leave_out_the_staff_only_kinds(client, org_member, organization):
    client.force_login(org_member)
    page = client.get(reverse("community:organization_edit", args=[organization.pk])).content.decode()
    assert 'value="npo"' in page
    for kind in ["ward", "shakyo", "houkatsu"]:
        assert f'value="{kind}"' not in page


def test_nobody_applies_as_the_ward(client, resident):
    client.force_login(resident)
    response = client.post(reverse("community:organization_apply"), IMPOSTOR)
    assert response.status_code == 400
    assert not Organization.objects.filter(name__startswith="練馬区").exists()


def test_the_service_refuses_a_staff_only_kind_whatever_the_form(organization, resident):
    organization.kind = Organization.Kind.SUPPORT_CENTER
    with pytest.raises(ValidationError) as error:
        services.organization_update(organization=organization)
    assert "区の職員だけが設定できます" in str(error.value)
    with pytest.raises(ValidationError):
        services.organization_apply(applicant=resident, organization=Organization(
            name="包括", name_kana="ほうかつ", kind=Organization.Kind.SUPPORT_CENTER))


def test_an_organization_that_already_is_a_support_centre_keeps_its_kind_on_edit(client, org_member, organization):
    Organization.objects.filter(pk=organization.pk).update(kind="houkatsu")
    client.force_login(org_member)
    response = edit(client, organization, kind="houkatsu", description="介護の相談をどうぞ")
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.kind, organization.description, organization.pending_kind) == ("houkatsu", "介護の相談をどうぞ", "")


def test_a_new_name_waits_for_staff_and_the_public_keeps_the_approved_one(client, org_member, organization):
    client.force_login(org_member)
    response = edit(client, organization, kind="npo", name="練馬テストNPO", name_kana="ねりまてすとえぬぴーおー",
                    description="新しい紹介文")
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.name, organization.kind, organization.status) == ("練馬テスト町会", "chokai", "published")
    assert (organization.pending_name, organization.pending_kind) == ("練馬テストNPO", "npo")
    assert organization.description == "新しい紹介文"  # the rest goes live at once, as before
    public = client.get(reverse("community:organization_detail", args=[organization.pk])).content.decode()
    assert "練馬テスト町会" in public and "練馬テストNPO" not in public
    dashboard = client.get(reverse("community:organization_dashboard", args=[organization.pk])).content.decode()
    assert "「練馬テストNPO」・種別「NPO法人」への変更を、区の職員が確認しています" in dashboard
    form = client.get(reverse("community:organization_edit", args=[organization.pk])).content.decode()
    assert 'value="練馬テストNPO"' in form  # what they asked for, to edit further


def test_saving_the_approved_name_again_withdraws_the_request(client, org_member, organization):
    client.force_login(org_member)
    edit(client, organization, name="練馬テストNPO")
    edit(client, organization)
    organization.refresh_from_db()
    assert not organization.has_pending_identity


def test_an_organization_not_yet_public_changes_its_name_directly(client, org_member, organization):
    Organization.objects.filter(pk=organization.pk).update(status=PublicationStatus.PENDING)
    client.force_login(org_member)
    edit(client, organization, name="練馬テスト町会（新）")
    organization.refresh_from_db()
    assert (organization.name, organization.pending_name) == ("練馬テスト町会（新）", "")


def test_staff_approve_the_new_name_from_the_admin(client, staff, org_member, organization):
    client.force_login(org_member)
    edit(client, organization, kind="npo", name="練馬テストNPO", name_kana="ねりまてすとえぬぴーおー")
    client.force_login(staff)
    changelist = reverse("admin:community_organization_changelist")
    listed = client.get(changelist, {"identity": "pending"}).content.decode()
    assert "練馬テストNPO（NPO法人）" in listed
    client.post(changelist, {"action": "approve_identity", "_selected_action": [organization.pk]})
    organization.refresh_from_db()
    assert (organization.name, organization.kind, organization.name_kana) == ("練馬テストNPO", "npo", "ねりまてすとえぬぴーおー")
    assert not organization.has_pending_identity and organization.is_published


def test_staff_return_the_new_name_with_a_reason_and_the_representatives_are_told(
    client, staff, org_member, organization, django_capture_on_commit_callbacks
):
    client.force_login(org_member)
    edit(client, organization, kind="npo", name="練馬区 公式")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:community_organization_changelist"), {
            "action": "return_identity", "_selected_action": [organization.pk], "review_note": "区と紛らわしい名前です",
        })
    organization.refresh_from_db()
    assert (organization.name, organization.status, organization.has_pending_identity) == ("練馬テスト町会", "published", False)
    assert [m.to for m in mail.outbox] == [[org_member.email]]
    assert "区と紛らわしい名前です" in mail.outbox[0].body
    client.force_login(org_member)
    page = client.get(reverse("community:organization_dashboard", args=[organization.pk])).content.decode()
    assert "区と紛らわしい名前です" in page


def test_a_return_needs_a_reason(organization):
    with pytest.raises(ValidationError):
        services.organization_identity_return(organization=organization, reason=" ")


def test_staff_may_set_any_kind_in_the_admin(client, staff, organization):
    client.force_login(staff)
    url = reverse("admin:community_organization_change", args=[organization.pk])
    data = {**{k: v for k, v in PROFILE.items()}, "kind": "houkatsu", "status": "published", "review_note": "",
            "published_at_0": "", "published_at_1": "", "logo": "",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}
    assert client.post(url, data).status_code == 302
    organization.refresh_from_db()
    assert organization.kind == "houkatsu"


def test_the_change_of_name_and_kind_shows_in_recent_changes(client, staff, org_member, organization):
    client.force_login(org_member)
    edit(client, organization, kind="npo", name="練馬テストNPO")
    client.force_login(staff)
    page = client.get(reverse("admin:community_recentchange_changelist")).content.decode()
    assert "承認待ちの団体名" in page and "<ins>練馬テストNPO</ins>" in page
    assert "承認待ちの種別" in page and "<ins>NPO法人</ins>" in page


def test_a_kind_changed_before_publication_shows_in_recent_changes(client, staff, org_member, organization):
    Organization.objects.filter(pk=organization.pk).update(status=PublicationStatus.RETURNED)
    client.force_login(org_member)
    edit(client, organization, kind="npo")
    client.force_login(staff)
    page = client.get(reverse("admin:community_recentchange_changelist")).content.decode()
    assert "<del>町会・自治会</del> → <ins>NPO法人</ins>" in page


def test_recent_changes_compile_for_sqlite_as_well(db):
    """SQLite refuses ORDER BY inside the parts of a UNION; the query must not have one (it was a 500 there)."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    sqlite = DatabaseWrapper({**connection.settings_dict, "ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:",
                              "OPTIONS": {}}, alias="sqlite-check")
    rows = change_rows(tracked_models(), only_organizations=True)
    sql, _params = rows.query.get_compiler(connection=sqlite).as_sql()
    assert sql.count("UNION ALL") == len(tracked_models()) - 1
