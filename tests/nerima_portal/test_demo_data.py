"""The demo command is idempotent: a second run leaves every table exactly as the first left it."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_twice_changes_no_row_count(demo_data):
    first = row_counts()  # after the first run (the demo_data fixture)
    output = load_demo()
    assert row_counts() == first
    # It really loaded the kernel tables a visitor sees.
    for label in ["community.Organization", "community.Place", "community.User", "auth.Group"]:
        assert first[label] > 0, label
    # The demo logins are printed for the newcomer: a staff member and an organization member.
    assert "staff@demo.nerima.example.jp" in output
    assert "npo@demo.nerima.example.jp" in output


@pytest.mark.django_db
def test_load_demo_refuses_production_mode(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo")
