"""The export holds the resident's data from every app, and nothing of anyone else's."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from community.personal_data import personal_data_export, personal_data_modules
from hiroba.services.consultations import consultation_create

EXPECTED_SECTIONS = {
    "community": {"account": 1, "signups": 2, "memberships": 1, "organization_invitations": 1},
    "volunteers": {
        "college_applications": 1, "volunteer_profile": 1, "opening_applications": 1, "volunteer_invitations": 1,
        "collaborator_registration": 1, "join_inquiries": 2, "commissioner_contacts": 1,
    },
    "hiroba": {"consultations": 1},
    "projects": {"grant_applications": 1},
}


def _dump(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def test_every_registered_app_is_in_the_export_with_each_section(world):
    data = personal_data_export(user=world.emi)

    assert set(data["apps"]) == {module.__name__.split(".")[0] for module in personal_data_modules()}
    assert list(data["apps"])[0] == "community"
    counts = {app: {key: len(rows) for key, rows in sections.items()} for app, sections in data["apps"].items()}
    assert counts == EXPECTED_SECTIONS


def test_the_export_carries_what_she_wrote_in_every_app(world):
    text = _dump(personal_data_export(user=world.emi))

    for value in [
        "EMI-phone", "EMI-signup-note", "EMI-past-name", "EMI-motivation", "EMI-wishes", "EMI-invitation",
        "EMI-application", "EMI-reg", "EMI-join", "EMI-join2", "EMI-commissioner", "EMI-consultation", "EMI-grant",
        "resident@example.jp", "共有の町会",
    ]:
        assert value in text, value


def test_the_export_holds_nothing_of_the_neighbour(world):
    text = _dump(personal_data_export(user=world.emi))

    assert "NENE" not in text
    assert "nene@example.jp" not in text


def test_each_module_keeps_to_its_own_sections_with_a_summary_line(world):
    for module in personal_data_modules():
        sections = module.export(world.emi)
        assert list(sections) == list(module.SECTIONS)
        for rows in sections.values():
            assert all(isinstance(row["summary"], str) and row["summary"] for row in rows)


def test_the_export_is_plain_json_with_stable_english_keys(world):
    data = json.loads(_dump(personal_data_export(user=world.emi)))

    assert data["format"] == "nerima-portal-personal-data/1"
    signup = data["apps"]["community"]["signups"][0]
    assert {"listing", "starts_at", "status", "name", "party_size", "summary"} <= set(signup)
    assert signup["starts_at"].endswith("+09:00")  # Japan time, ISO 8601


def test_an_anonymous_consultation_with_no_address_is_nobodys(world):
    consultation_create(topic="elderly", message="匿名の相談", contact_method="none", is_anonymous=True)

    assert len(personal_data_export(user=world.emi)["apps"]["hiroba"]["consultations"]) == 1


def test_records_sent_from_an_unconfirmed_address_are_not_hers(world):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=world.emi).update(verified=False)
    volunteers = personal_data_export(user=world.emi)["apps"]["volunteers"]

    # The inquiry she sent logged in is still hers; the one sent logged out is matched by a confirmed address only.
    assert [row["message"] for row in volunteers["join_inquiries"]] == ["EMI-join"]
    assert volunteers["commissioner_contacts"] == []
    assert personal_data_export(user=world.emi)["apps"]["hiroba"]["consultations"] == []
