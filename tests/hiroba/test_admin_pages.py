"""The staff admin pages of hiroba open, and the plaza form saves activities and languages."""

import pytest
from django.urls import reverse

from hiroba.models import ConsultationDesk, Plaza, SupportCenterCoverage

pytestmark = pytest.mark.django_db

CHANGELISTS = ["plaza", "plazasubsidy", "supportcentercoverage", "consultationdesk", "consultationteam",
               "consultationrequest", "retentionsetting"]


@pytest.mark.parametrize("model", CHANGELISTS)
def test_ward_staff_open_every_hiroba_changelist(client, staff, model):
    client.force_login(staff)
    assert client.get(reverse(f"admin:hiroba_{model}_changelist")).status_code == 200


def test_plaza_change_page_opens_with_its_activities_checked(client, staff, plaza):
    client.force_login(staff)
    body = client.get(reverse("admin:hiroba_plaza_change", args=[plaza.pk])).content.decode()
    import re

    assert re.search(r'name="activities" value="care"[^>]*checked', body)
    assert not re.search(r'name="activities" value="disability"[^>]*checked', body)


def test_plaza_admin_add_saves_activities_and_languages(client, staff, organization, place):
    client.force_login(staff)
    response = client.post(reverse("admin:hiroba_plaza_add"), {
        "title": "新しいひろば", "title_kana": "あたらしいひろば", "organization": organization.pk, "status": "draft",
        "place": place.pk, "hours_text": "毎週月曜 10:00–12:00", "activities": ["childcare", "chat"],
        "languages": ["en"],
        "schedules-TOTAL_FORMS": "0", "schedules-INITIAL_FORMS": "0",
        "subsidies-TOTAL_FORMS": "0", "subsidies-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    plaza = Plaza.objects.get(title="新しいひろば")
    assert sorted(plaza.activity_values) == ["chat", "childcare"]
    assert plaza.languages == ["en"]


def test_desk_admin_saves_topics_as_a_list(client, staff):
    client.force_login(staff)
    response = client.post(reverse("admin:hiroba_consultationdesk_add"), {
        "name": "テスト窓口", "kind": "ward", "topics": ["living", "other"], "offers_visit": "on",
        "offers_phone": "on", "is_active": "on", "sort_order": "1",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ConsultationDesk.objects.get(name="テスト窓口").topics == ["living", "other"]


def test_coverage_refuses_a_second_centre_for_the_same_chome(support_center, chome_kitamachi6):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        SupportCenterCoverage.objects.create(center=support_center, chome=chome_kitamachi6)
