"""Fixtures for 地域おこしプロジェクト: an open call with stages, a last-year call, a reviewer without decide."""

import datetime as dt

import pytest
from django.utils import timezone

from projects.models import Application, BudgetLine, Call, Category, Stage
from tests.conftest import make_user

STAGES = [(1, "スタートアップ", 300_000), (2, "ステップアップ", 600_000), (3, "発展", 1_000_000)]


def make_call(fiscal_year: int, *, status=Call.Status.OPEN, days_open: int = 30) -> Call:
    today = timezone.localdate()
    call = Call.objects.create(
        fiscal_year=fiscal_year, title="地域おこしプロジェクト 募集", status=status,
        opens_on=today - dt.timedelta(days=days_open), closes_on=today + dt.timedelta(days=days_open),
    )
    Category.objects.create(call=call, name="やさしいまちづくり（地域福祉・福祉のまちづくり）", sort_order=0)
    Category.objects.create(call=call, name="地域課題の解決", sort_order=1)
    for level, name, ceiling in STAGES:
        Stage.objects.create(call=call, level=level, name=name, ceiling_yen=ceiling)
    return call


def make_application(call, organization, *, stage_level=1, status=Application.Status.DRAFT, requested=200_000,
                     expense=250_000, members=True, **extra) -> Application:
    application = Application.objects.create(
        call=call, organization=organization, title=extra.pop("title", "見守りサロン"),
        category=call.categories.first(), stage=call.stages.get(level=stage_level),
        purpose="孤立を防ぐ", plan="月2回のサロン", schedule="6月〜3月", requested_amount=requested, status=status,
        submitted_at=None if status == Application.Status.DRAFT else timezone.now(), **extra,
    )
    BudgetLine.objects.create(application=application, kind="expense", item="会場費", amount=expense)
    BudgetLine.objects.create(application=application, kind="income", item="助成金", amount=requested)
    if members:
        application.members.create(name="代表 テスト", role="代表")
    return application


@pytest.fixture
def call(db):
    return make_call(timezone.localdate().year)


@pytest.fixture
def last_call(call):
    return make_call(call.fiscal_year - 1, status=Call.Status.DECIDED)


@pytest.fixture
def reviewer(staff_groups):
    """A staff reviewer (審査員): may read applications and score, may not decide."""
    from community.roles import REVIEWER

    user = make_user("reviewer@example.jp", name="審査員 エレン", is_staff=True)
    user.groups.add(staff_groups[REVIEWER])
    return user
