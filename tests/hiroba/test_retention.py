"""Retention: closed requests lose their content (or are deleted) a staff-set period after closing."""

from io import StringIO

import pytest
from django.core.management import call_command

from hiroba.models import ConsultationAccessLog, ConsultationNote, ConsultationRequest, RetentionSetting
from tests.hiroba.conftest import closed_consultation, make_consultation

pytestmark = pytest.mark.django_db


def test_requests_closed_more_than_three_years_ago_are_anonymized(staff):
    old = closed_consultation(365 * 3 + 1, message="古い相談", name="古い 名前")
    ConsultationNote.objects.create(consultation=old, author=staff, text="古いメモ")
    call_command("apply_consultation_retention", stdout=StringIO())
    old.refresh_from_db()
    assert old.message == "" and old.name == "" and old.phone == "" and old.email == ""
    assert old.anonymized_at is not None
    assert old.reference and old.topic == "elderly"  # kept for the statistics
    assert not old.notes.exists()
    assert ConsultationAccessLog.objects.filter(reference=old.reference, action="anonymize", user=None).exists()


def test_recently_closed_and_open_requests_are_kept():
    recent = closed_consultation(365 * 3 - 5, message="最近の相談")
    still_open = make_consultation(message="対応中の相談")
    call_command("apply_consultation_retention", stdout=StringIO())
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.message == "最近の相談" and still_open.message == "対応中の相談"


def test_running_the_command_twice_changes_nothing_more():
    closed_consultation(365 * 4)
    call_command("apply_consultation_retention", stdout=StringIO())
    logs = ConsultationAccessLog.objects.count()
    call_command("apply_consultation_retention", stdout=StringIO())
    assert ConsultationAccessLog.objects.count() == logs


def test_staff_can_shorten_the_period():
    setting = RetentionSetting.current()
    setting.years = 1
    setting.save()
    two_years = closed_consultation(365 * 2, message="二年前")
    call_command("apply_consultation_retention", stdout=StringIO())
    two_years.refresh_from_db()
    assert two_years.message == ""


def test_staff_can_choose_deletion_and_the_log_keeps_the_reference():
    setting = RetentionSetting.current()
    setting.action = RetentionSetting.Action.DELETE
    setting.save()
    old = closed_consultation(365 * 5)
    reference = old.reference
    call_command("apply_consultation_retention", stdout=StringIO())
    assert not ConsultationRequest.objects.filter(reference=reference).exists()
    assert ConsultationAccessLog.objects.filter(reference=reference, action="delete").exists()


def test_the_command_reports_what_it_did(capsys):
    closed_consultation(365 * 4)
    call_command("apply_consultation_retention")
    assert "1件の相談受付を匿名化しました。" in capsys.readouterr().out
