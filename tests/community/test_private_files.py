"""Private documents: outside the public root, under generated names, and only for their owner and staff.

One block per kind of private file (grant attachment, report photo, plaza subsidy report): a visitor
and a member of another organization get 404; a member of the owning organization (where there is
one) and staff get the file as an attachment with the type the portal decided.
"""

import importlib
import io
import re

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from PIL import Image

from community.models import Membership
from hiroba.models import PlazaSubsidy
from projects.models import Application, Report, ReportPhoto
from tests.conftest import make_user
from tests.hiroba.conftest import make_plaza
from tests.projects.conftest import make_application, make_call

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%%EOF\n"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def application(organization):
    call = make_call(2026)
    return make_application(call, organization, status=Application.Status.ADOPTED, granted_amount=100_000)


@pytest.fixture
def attachment(application):
    return application.attachments.create(title="見積書", file=ContentFile(PDF, name="mitsumori.pdf"))


@pytest.fixture
def report_photo(application):
    report = Report.objects.create(application=application)
    return ReportPhoto.objects.create(report=report, caption="集会所での体操", image=ContentFile(_png(), name="taiso.png"))


@pytest.fixture
def subsidy(organization):
    plaza = make_plaza(organization)
    return PlazaSubsidy.objects.create(
        plaza=plaza, fiscal_year=2026, amount=50_000, report=ContentFile(PDF, name="jisseki.pdf")
    )


def assert_attachment(response, content_type: str, body: bytes):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == body


# --- where and under which name they are kept ------------------------------------------------

def test_private_files_live_outside_the_public_root_under_generated_names(attachment, settings):
    assert re.fullmatch(r"projects/attachments/[0-9a-f]{32}\.pdf", attachment.file.name)
    assert (settings.PRIVATE_MEDIA_ROOT / attachment.file.name).read_bytes() == PDF
    assert not (settings.MEDIA_ROOT / attachment.file.name).exists()
    assert "mitsumori" not in attachment.file.name


def test_a_private_files_url_is_the_permission_checked_view(attachment):
    assert attachment.file.url == f"/files/projects.attachment/{attachment.pk}/file/"
    with pytest.raises(ValueError, match="no public URL"):
        storages["private"].url(attachment.file.name)


# --- grant attachments -----------------------------------------------------------------------

def test_a_visitor_gets_404_for_an_attachment(client, attachment):
    assert client.get(attachment.file.url).status_code == 404


def test_another_organizations_member_gets_404_for_an_attachment(client, attachment, other_org_member):
    client.force_login(other_org_member)
    assert client.get(attachment.file.url).status_code == 404


def test_a_resident_without_membership_gets_404_for_an_attachment(client, attachment, resident):
    client.force_login(resident)
    assert client.get(attachment.file.url).status_code == 404


def test_the_applying_organizations_member_gets_the_attachment(client, attachment, org_member):
    client.force_login(org_member)
    response = client.get(attachment.file.url)
    assert_attachment(response, "application/pdf", PDF)
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf"


def test_staff_get_the_attachment(client, attachment, staff):
    client.force_login(staff)
    assert_attachment(client.get(attachment.file.url), "application/pdf", PDF)


# --- report photos ---------------------------------------------------------------------------

def test_a_visitor_gets_404_for_a_report_photo(client, report_photo):
    assert client.get(report_photo.image.url).status_code == 404


def test_another_organizations_member_gets_404_for_a_report_photo(client, report_photo, other_org_member):
    client.force_login(other_org_member)
    assert client.get(report_photo.image.url).status_code == 404


def test_the_reporting_organizations_member_gets_the_photo(client, report_photo, org_member):
    client.force_login(org_member)
    assert_attachment(client.get(report_photo.image.url), "image/png", _png())


def test_staff_get_the_report_photo(client, report_photo, coordinator):
    client.force_login(coordinator)
    assert_attachment(client.get(report_photo.image.url), "image/png", _png())


# --- plaza subsidy reports (staff only) ------------------------------------------------------

def test_a_visitor_gets_404_for_a_subsidy_report(client, subsidy):
    assert client.get(subsidy.report.url).status_code == 404


def test_the_plazas_own_organization_gets_404_for_its_subsidy_report(client, subsidy, org_member):
    # The subsidy file is the ward's record of the grant: even the plaza's operator reads it on paper only.
    client.force_login(org_member)
    assert client.get(subsidy.report.url).status_code == 404


def test_another_organizations_member_gets_404_for_a_subsidy_report(client, subsidy, other_org_member):
    client.force_login(other_org_member)
    assert client.get(subsidy.report.url).status_code == 404


def test_staff_get_the_subsidy_report(client, subsidy, staff):
    client.force_login(staff)
    assert_attachment(client.get(subsidy.report.url), "application/pdf", PDF)


# --- the view itself -------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/files/community.organization/1/logo/",  # a public field is not served here
    "/files/nosuch.model/1/file/",
    "/files/projects.attachment/1/title/",
    "/files/projects.attachment/1/nosuchfield/",
    "/files/projects/1/file/",
])
def test_only_private_file_fields_are_served(client, staff, path):
    client.force_login(staff)
    assert client.get(path).status_code == 404


def test_a_staff_member_without_the_permission_gets_404(client, attachment):
    clerk = make_user("clerk@example.jp", is_staff=True)
    client.force_login(clerk)
    assert client.get(attachment.file.url).status_code == 404


def test_a_file_lost_from_the_disk_is_404_not_500(client, attachment, staff):
    storages["private"].delete(attachment.file.name)
    client.force_login(staff)
    assert client.get(attachment.file.url).status_code == 404


def test_with_x_accel_nginx_sends_the_bytes_and_the_portal_the_headers(client, attachment, org_member, settings):
    settings.PRIVATE_MEDIA_X_ACCEL_PREFIX = "/_private/"
    client.force_login(org_member)
    response = client.get(attachment.file.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_private/{attachment.file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_extension_is_served_as_plain_bytes(client, application, staff):
    legacy = application.attachments.create(title="古い資料", file=ContentFile(b"<html>", name="old.html"))
    assert not legacy.file.name.endswith(".html")
    client.force_login(staff)
    response = client.get(legacy.file.url)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


# --- files stored before this change ---------------------------------------------------------

def test_the_data_migration_moves_public_files_into_the_private_storage(application, settings):
    public = storages["default"]
    old_name = public.save("projects/attachments/2025/keikaku.pdf", ContentFile(PDF))
    legacy = application.attachments.create(title="計画書", file="placeholder")
    type(legacy).objects.filter(pk=legacy.pk).update(file=old_name)

    migration = importlib.import_module("projects.migrations.0004_private_attachments_and_report_photos")
    migration.to_private(django_apps, None)

    legacy.refresh_from_db()
    assert re.fullmatch(r"projects/attachments/[0-9a-f]{32}\.pdf", legacy.file.name)
    assert (settings.PRIVATE_MEDIA_ROOT / legacy.file.name).read_bytes() == PDF
    assert not public.exists(old_name)


def test_membership_is_what_opens_an_attachment(client, attachment, resident, organization):
    client.force_login(resident)
    assert client.get(attachment.file.url).status_code == 404
    Membership.objects.create(organization=organization, user=resident, role=Membership.Role.EDITOR)
    assert client.get(attachment.file.url).status_code == 200
