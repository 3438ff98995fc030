"""Personal data held by projects: which grant applications the user wrote or submitted for their organization.

The applications themselves are the organization's records (and the ward's, for audit): they stay when a
member leaves; only the link to the person is removed. ApplicationMember names are free text typed by the
organization, with no link to an account, so they cannot be matched to a user and are not exported.
Registered in community.personal_data (see there for the contract).
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.personal_data import when
from projects.models import Application, Score

SECTIONS = {"grant_applications": gettext_lazy("地域おこしプロジェクトの申請（作成・提出したもの）")}

ERASE_REMOVES: list = []
ERASE_ANONYMIZES = [
    gettext_lazy("地域おこしプロジェクトの申請は団体の記録として残し、作成者・提出者があなたであることだけを消します。"),
]


def export(user) -> dict[str, list[dict]]:
    applications = (
        Application.objects.filter(Q(created_by=user) | Q(submitted_by=user))
        .select_related("call", "organization")
        .order_by("-created_at")
    )
    return {"grant_applications": [{
        "call": a.call.title,
        "organization": a.organization.name,
        "title": a.title,
        "status": a.status,
        "created_by_you": a.created_by_id == user.pk,
        "submitted_by_you": a.submitted_by_id == user.pk,
        "created_at": when(a.created_at),
        "submitted_at": when(a.submitted_at),
        "summary": f"{a.call.title}「{a}」（{a.organization.name}・{a.get_status_display()}）",
    } for a in applications]}


def erase_refusals(user) -> list[str]:
    if Score.objects.filter(reviewer=user).exists():
        return [_("審査員として記入した審査票があるため、この画面からは削除できません。区の担当者に依頼してください。")]
    return []


def erase(user) -> None:
    Application.objects.filter(created_by=user).update(created_by=None)
    Application.objects.filter(submitted_by=user).update(submitted_by=None)


def retention(*, now, periods) -> dict[str, int]:
    # Grant applications are the ward's records of public money, kept under the ward's document rules, not here.
    return {}
