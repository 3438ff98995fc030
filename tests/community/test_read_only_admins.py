"""The read-only admin pages (community/admin/readonly.py) stay read-only: logs, sent mail, the matching summary and
what a group submitted are shown, never added, changed or deleted, not even by a superuser; and no admin writes its
own copy of the rule again."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from community.admin.readonly import ReadOnlyAdminMixin, ReadOnlyTabularInline
from community.models import OutboxMessage, PersonalDataAccess
from hiroba.models import ConsultationAccessLog
from projects.models import Application, BudgetLine
from tests.conftest import make_user
from tests.hiroba.conftest import make_consultation
from tests.projects.conftest import make_application, make_call

pytestmark = pytest.mark.django_db

READ_ONLY = {
    "community.personaldataaccess", "community.outboxmessage", "hiroba.consultationaccesslog",
    "volunteers.matchingreport", "volunteers.commissionervacancy", "progress.report",
}


@pytest.fixture
def superuser():
    user = make_user("root@example.jp", name="管理者", is_staff=True)
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    return user


def test_the_read_only_admins_are_exactly_these():
    read_only = {model._meta.label_lower for model, model_admin in admin.site._registry.items()
                 if isinstance(model_admin, ReadOnlyAdminMixin)}
    assert read_only == READ_ONLY


def test_no_admin_module_spells_out_the_read_only_rule_again():
    """A class refusing add, change and delete (or, an inline, add and change) by itself should use the mixin."""
    copies = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/admin/*.py")):
        if path.name == "readonly.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            refusing = {
                item.name for item in node.body
                if isinstance(item, ast.FunctionDef)
                and item.name in ("has_add_permission", "has_change_permission", "has_delete_permission")
                and len(item.body) >= 1 and isinstance(item.body[-1], ast.Return)
                and isinstance(item.body[-1].value, ast.Constant) and item.body[-1].value.value is False
            }
            if len(refusing) == 3 or {"has_add_permission", "has_change_permission"} <= refusing:
                copies.append(f"{path.relative_to(settings.BASE_DIR)}: {node.name} {sorted(refusing)}")
    assert not copies


def test_a_superuser_may_not_add_change_or_delete_any_read_only_row(superuser, rf):
    request = rf.get("/admin/")
    request.user = superuser
    for model, model_admin in admin.site._registry.items():
        if model._meta.label_lower in READ_ONLY:
            assert model_admin.has_view_permission(request), model
            rights = [model_admin.has_add_permission(request), model_admin.has_change_permission(request),
                      model_admin.has_delete_permission(request)]
            assert rights == [False, False, False], model


@pytest.fixture
def rows(superuser, organization):
    consultation = make_consultation()
    return {
        OutboxMessage: OutboxMessage.objects.create(to="taro@example.jp", subject="申込を受け付けました", body="本文"),
        PersonalDataAccess: PersonalDataAccess.objects.create(
            user=superuser, user_label="管理者", action=PersonalDataAccess.Action.VIEW_SIGNUPS, organization=organization,
            target_label="サロン 12月", rows=3,
        ),
        ConsultationAccessLog: ConsultationAccessLog.objects.create(
            consultation=consultation, reference=consultation.reference, user=superuser, user_label="管理者",
            action=ConsultationAccessLog.Action.VIEW, at=timezone.now(),
        ),
    }


def test_posting_to_a_read_only_page_changes_nothing(client, superuser, rows):
    client.force_login(superuser)
    counts = {model: model.objects.count() for model in rows}  # the fixtures' own mails count too
    for model, row in rows.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        before = {field.attname: getattr(row, field.attname) for field in model._meta.concrete_fields}
        change = reverse(f"{prefix}_change", args=[row.pk])
        page = client.get(change)
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode(), model  # Django's view-only page
        assert client.post(change, {"subject": "書きかえ", "rows": "99", "user_label": "別人"}).status_code == 403, model
        assert client.post(reverse(f"{prefix}_delete", args=[row.pk]), {"post": "yes"}).status_code == 403, model
        assert client.get(reverse(f"{prefix}_add")).status_code == 403, model
        row.refresh_from_db()
        assert {field.attname: getattr(row, field.attname) for field in model._meta.concrete_fields} == before
        assert model.objects.count() == counts[model]


def test_what_a_group_submitted_shows_under_its_application_without_a_single_form_field(client, superuser,
                                                                                        organization):
    application = make_application(make_call(2026), organization, status=Application.Status.SUBMITTED)
    assert BudgetLine.objects.filter(application=application).exists()
    for inline in admin.site._registry[Application].inlines:
        assert issubclass(inline, ReadOnlyTabularInline), inline
    client.force_login(superuser)
    page = client.get(reverse("admin:projects_application_change", args=[application.pk])).content.decode()
    assert "会場費" in page
    for inline in admin.site._registry[Application].inlines:
        prefix = inline.model._meta.get_field("application").remote_field.related_name
        for name in inline.fields:
            assert f'name="{prefix}-0-{name}"' not in page, (prefix, name)  # shown as text, not as a box
