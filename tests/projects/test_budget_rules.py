"""Budget rules: grant ≤ stage ceiling and ≤ expenses, whole yen, no negative lines."""

import pytest
from django.core.exceptions import ValidationError

from projects.forms.applications import BudgetLineForm, YenField
from projects.models import Application
from projects.services import applications as services
from tests.projects.conftest import make_application


def test_a_grant_above_the_stage_ceiling_cannot_be_submitted(call, organization, org_member):
    application = make_application(call, organization, requested=300_001, expense=400_000)
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application, user=org_member)
    assert "上限額300,000円を超えています" in error.value.message_dict["requested_amount"][0]


def test_a_grant_above_the_total_expenses_cannot_be_submitted(call, organization, org_member):
    application = make_application(call, organization, requested=200_000, expense=150_000)
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application, user=org_member)
    assert "支出の合計150,000円を超えています" in error.value.message_dict["requested_amount"][0]


def test_a_grant_within_ceiling_and_expenses_is_submitted(call, organization, org_member):
    application = make_application(call, organization, requested=300_000, expense=300_000)
    submitted = services.application_submit(application=application, user=org_member)
    assert submitted.status == Application.Status.SUBMITTED
    assert submitted.submitted_by == org_member


def test_the_ceiling_follows_the_stage_chosen(call, organization):
    step_up = call.stages.get(level=2)
    assert services.budget_errors(stage=step_up, requested_amount=600_000, expense_total=700_000) == {}
    assert "requested_amount" in services.budget_errors(stage=step_up, requested_amount=600_001, expense_total=700_000)


@pytest.mark.parametrize("typed, expected", [("12,000", 12000), ("１２０００円", 12000), (" 500 ", 500), ("0", 0)])
def test_yen_accepts_commas_full_width_digits_and_the_yen_sign(typed, expected):
    assert YenField().clean(typed) == expected


@pytest.mark.parametrize("typed, message", [
    ("1200.5", "円単位の整数"), ("-500", "0円以上"), ("−500", "0円以上"), ("abc", "円単位の整数"),
])
def test_yen_refuses_decimals_negatives_and_words_in_japanese(typed, message):
    form = BudgetLineForm(data={"kind": "expense", "item": "会場費", "amount": typed})
    assert not form.is_valid()
    assert message in form.errors["amount"][0]


def test_the_database_refuses_a_negative_line(call, organization):
    application = make_application(call, organization)
    with pytest.raises(ValidationError):
        services.application_replace_budget(
            application=application, lines=[{"kind": "expense", "item": "会場費", "amount": -1}]
        )
    assert application.budget_lines.count() == 2  # the old lines are untouched


def test_a_submission_needs_at_least_one_expense_line(call, organization, org_member):
    application = make_application(call, organization)
    application.budget_lines.filter(kind="expense").delete()
    problems = services.submission_problems(application)
    assert "budget" in problems and "requested_amount" in problems


def test_budget_totals_add_form_rows_and_saved_lines_the_same_way():
    from projects.models import BudgetLine
    from projects.models.applications import budget_totals

    rows = [
        {"kind": "income", "amount": 30000}, {"kind": "expense", "amount": 120000},
        {"kind": "expense", "amount": 80000}, {"kind": "income", "amount": None},
    ]
    saved = [BudgetLine(kind=row["kind"], amount=row["amount"], item="x") for row in rows]

    assert budget_totals(rows) == budget_totals(saved) == {"income": 30000, "expense": 200000}
    assert budget_totals([]) == {"income": 0, "expense": 0}
