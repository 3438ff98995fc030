"""A member is told by mail when a 代表者 changes their role or removes them (not when they act on themselves)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from community.models import Membership
from community.services import organizations as services
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(organization):
    user = make_user("editor@example.jp", name="編集 ハナ")
    return Membership.objects.create(organization=organization, user=user, role=Membership.Role.EDITOR)


def test_a_member_made_representative_is_mailed_once(
    client, org_member, organization, editor, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(org_member)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("community:member_role", args=[organization.pk, editor.pk]), {"role": "representative"})

    assert response.status_code == 302
    assert len(callbacks) == 1
    assert [m.to for m in mailoutbox] == [["editor@example.jp"]]
    mail = mailoutbox[0]
    assert organization.name in mail.subject and "役割が変わりました" in mail.subject
    assert "「代表者」になりました" in mail.body and "団体 チャーリー" in mail.body
    assert reverse("community:my_organizations") in mail.body


def test_choosing_the_same_role_again_sends_nothing(org_member, editor, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_change_role(membership=editor, role=Membership.Role.EDITOR, by=org_member)

    assert mailoutbox == []


def test_a_removed_member_is_mailed(client, org_member, organization, editor, django_capture_on_commit_callbacks, mailoutbox):
    client.force_login(org_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("community:member_remove", args=[organization.pk, editor.pk]))

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=editor.pk).exists()
    assert [m.to for m in mailoutbox] == [["editor@example.jp"]]
    assert "メンバーから外れました" in mailoutbox[0].subject
    assert "編集 ハナ" in mailoutbox[0].body


def test_removing_the_last_representative_is_refused_and_mails_nobody(
    org_member, organization, django_capture_on_commit_callbacks, mailoutbox
):
    membership = Membership.objects.get(user=org_member)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError, match="最後の代表者"):
        services.membership_remove(membership=membership, by=None)

    assert mailoutbox == []


def test_leaving_on_ones_own_sends_nothing(
    org_member, organization, editor, django_capture_on_commit_callbacks, mailoutbox
):
    representative = make_user("rep2@example.jp")
    Membership.objects.create(organization=organization, user=representative, role=Membership.Role.REPRESENTATIVE)

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_remove(membership=Membership.objects.get(user=representative), by=representative)

    assert mailoutbox == []


def test_the_mail_is_rendered_in_the_members_language(
    organization, org_member, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    from django.utils import translation

    user = make_user("en@example.jp", name="Maria", preferred_language="en")
    membership = Membership.objects.create(organization=organization, user=user, role=Membership.Role.EDITOR)
    seen = []
    original = translation.override

    def spy(language, deactivate=False):
        seen.append(language)
        return original(language, deactivate)

    monkeypatch.setattr(translation, "override", spy)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_change_role(membership=membership, role=Membership.Role.REPRESENTATIVE, by=org_member)

    assert seen == ["en"] and [m.to for m in mailoutbox] == [["en@example.jp"]]
