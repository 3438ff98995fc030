"""The admin works for a clerk: the grant application page opens for staff and reviewers with its plan, budget and
attachments; scoring and deciding return to it; labels are Japanese; docs/roles.md is the matrix as it is."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.roles import REVIEWER
from projects.models import Application, Attachment
from tests.conftest import make_listing, make_user
from tests.projects.conftest import make_application, make_call

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n%%EOF\n"


@pytest.fixture
def application(organization):
    application = make_application(make_call(timezone.localdate().year), organization,
                                   status=Application.Status.SUBMITTED)
    application.plan = "月2回、集会所でサロンを開きます。"
    application.save(update_fields=["plan"])
    attachment = Attachment(application=application, title="見積書")
    attachment.file.save("mitsumori.pdf", ContentFile(PDF))
    return application


@pytest.fixture
def reviewer(staff_groups):
    user = make_user("reviewer@example.jp", name="審査員 エレン", is_staff=True)
    user.groups.add(staff_groups[REVIEWER])
    return user


def change_url(application):
    return reverse("admin:projects_application_change", args=[application.pk])


@pytest.mark.parametrize("persona", ["staff", "coordinator", "reviewer"])
def test_the_application_page_shows_plan_budget_and_attachments(persona, request, client, application):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(change_url(application))
    page = response.content.decode()
    assert response.status_code == 200
    assert "月2回、集会所でサロンを開きます。" in page and "会場費" in page and "250,000" in page
    assert "見積書" in page and "ダウンロード（見積書.pdf）" in page


def test_the_review_links_are_those_the_user_may_follow(client, staff, reviewer, application):
    client.force_login(reviewer)
    page = client.get(change_url(application)).content.decode()
    assert "採点する" in page and "採否を決定する" not in page
    client.force_login(staff)
    page = client.get(change_url(application)).content.decode()
    assert "採点する" in page and "採否を決定する" in page


def test_an_attachment_downloads_for_a_reviewer_and_for_nobody_outside_the_review(client, reviewer, resident,
                                                                                 application):
    attachment = application.attachments.get()
    url = attachment.file.url  # the private file's permission-checked view, as the admin page links it
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(resident)
    assert client.get(url).status_code == 404


def test_scoring_returns_to_the_application_page(client, reviewer, application):
    client.force_login(reviewer)
    points = {name: "4" for name in ["need_points", "feasibility_points", "impact_points", "sustainability_points",
                                     "budget_points"]}
    response = client.post(reverse("admin:projects_application_score", args=[application.pk]),
                           {**points, "comment": "具体的"}, follow=True)
    assert response.redirect_chain[-1][0] == change_url(application)
    assert response.status_code == 200 and "審査票を保存しました。" in response.content.decode()


def test_deciding_returns_to_the_application_page(client, staff, application):
    client.force_login(staff)
    response = client.post(reverse("admin:projects_application_decide", args=[application.pk]),
                           {"decision": "rejected", "reason": "地域の課題が示されていません"}, follow=True)
    assert response.redirect_chain[-1][0] == change_url(application)
    assert "決定を保存し" in response.content.decode()


def test_a_reviewer_cannot_decide(client, reviewer, application):
    client.force_login(reviewer)
    url = reverse("admin:projects_application_decide", args=[application.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "adopted", "reason": "x", "granted_amount": "1"}).status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_listings_are_named_by_kind_in_japanese_not_by_their_label(client, staff, organization):
    make_listing(organization)
    from cafes.models import CareCafe

    CareCafe.objects.create(organization=organization, title="テストカフェ", title_kana="てすとかふぇ")
    client.force_login(staff)
    page = client.get(reverse("admin:community_listing_changelist")).content.decode()
    assert ">街かどケアカフェ<" in page
    assert ">cafes.carecafe<" not in page  # only in the filter link's URL, never as words


def test_the_history_of_a_record_reads_in_japanese(client, staff, organization):
    organization.description = "新しい紹介"
    organization.save()
    client.force_login(staff)
    page = client.get(reverse("admin:community_organization_history", args=[organization.pk])).content.decode()
    assert "作成" in page and "変更した人" in page and "団体の紹介" in page
    for english in ["Created", "Changed", "Changed by", "Date/time", "Change reason"]:
        assert f">{english}<" not in page


def test_docs_roles_md_is_the_matrix_as_declared():
    """Fails when a roles.py changed and `python manage.py roles_doc` was not run."""
    call_command("roles_doc", check=True)
