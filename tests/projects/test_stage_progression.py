"""A group moves to its next stage only after last year's report was accepted."""

import pytest
from django.core.exceptions import ValidationError

from projects.models import Application, Report
from projects.services import applications as services
from projects.services.stages import stage_rule_for
from tests.projects.conftest import make_application


def _funded_last_year(last_call, organization, *, level=1, report_status=None):
    application = make_application(last_call, organization, stage_level=level, status=Application.Status.ADOPTED,
                                   granted_amount=200_000)
    if report_status:
        Report.objects.create(application=application, status=report_status, results="成果")
    return application


def test_a_new_group_starts_at_the_first_stage(call, organization):
    rule = stage_rule_for(organization=organization, call=call)
    assert [stage.level for stage in rule.stages] == [1]
    assert "最初の段階" in rule.reason


def test_an_accepted_report_opens_the_next_stage(call, last_call, organization):
    _funded_last_year(last_call, organization, report_status=Report.Status.ACCEPTED)
    rule = stage_rule_for(organization=organization, call=call)
    assert [stage.name for stage in rule.stages] == ["ステップアップ"]


@pytest.mark.parametrize("report_status", [None, Report.Status.DRAFT, Report.Status.SUBMITTED, Report.Status.RETURNED])
def test_without_an_accepted_report_the_group_stays_at_the_same_stage(call, last_call, organization, report_status):
    _funded_last_year(last_call, organization, level=2, report_status=report_status)
    rule = stage_rule_for(organization=organization, call=call)
    assert [stage.level for stage in rule.stages] == [2]
    assert "承認されていない" in rule.reason


def test_after_the_last_stage_the_group_is_refused_with_a_reason(call, last_call, organization, org_member):
    _funded_last_year(last_call, organization, level=3, report_status=Report.Status.ACCEPTED)
    rule = stage_rule_for(organization=organization, call=call)
    assert rule.refused and "最終段階" in rule.reason
    with pytest.raises(ValidationError, match="最終段階"):
        services.application_start(call=call, organization=organization, user=org_member)


def test_a_rejected_application_last_year_does_not_count(call, last_call, organization):
    make_application(last_call, organization, stage_level=2, status=Application.Status.REJECTED)
    assert [stage.level for stage in stage_rule_for(organization=organization, call=call).stages] == [1]


def test_choosing_a_stage_the_rule_does_not_allow_is_refused(call, organization, org_member):
    application = services.application_start(call=call, organization=organization, user=org_member)
    with pytest.raises(ValidationError) as error:
        services.application_update(application=application, stage=call.stages.get(level=2))
    assert "最初の段階" in error.value.message_dict["stage"][0]


def test_a_stage_set_before_the_rule_changed_blocks_submission(call, last_call, organization, org_member):
    application = make_application(call, organization, stage_level=2, requested=500_000, expense=500_000)
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application, user=org_member)
    assert "stage" in error.value.message_dict
