"""Stage progression: a group moves to its next stage only after last year's report was accepted.

- no funded project last year (or ever): the first stage (level 1);
- funded last year and its report accepted: the next level (refused once there is no next stage);
- funded last year but the report not (yet) accepted: the same level again, and the reason says why.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from projects.models import Application, Call, Report, Stage


@dataclass
class StageRule:
    stages: list[Stage] = field(default_factory=list)
    reason: str = ""

    @property
    def refused(self) -> bool:
        return not self.stages


def stage_rule_for(*, organization, call: Call) -> StageRule:
    """Which stage(s) of `call` this organization may apply at, and why."""
    stages = list(call.stages.order_by("level"))
    if not stages:
        return StageRule(reason=_("この募集には段階がまだ設定されていません。"))
    previous = (
        Application.objects.funded()
        .filter(organization=organization, call__fiscal_year=call.fiscal_year - 1)
        .select_related("stage", "report")
        .first()
    )
    if previous is None or previous.stage is None:
        return StageRule(
            stages=stages[:1],
            reason=_("前年度に助成を受けた事業がないため、最初の段階（%(name)s）から申請できます。")
            % {"name": stages[0].name},
        )
    level = previous.stage.level
    report = getattr(previous, "report", None)  # a missing reverse one-to-one raises AttributeError
    accepted = report is not None and report.status == Report.Status.ACCEPTED
    if accepted:
        following = [stage for stage in stages if stage.level == level + 1]
        if not following:
            return StageRule(
                reason=_("前年度に最終段階（%(name)s）の助成を受けたため、この事業での申請はできません。")
                % {"name": previous.stage.name}
            )
        return StageRule(
            stages=following,
            reason=_("前年度の活動報告が承認されたため、次の段階（%(name)s）で申請できます。")
            % {"name": following[0].name},
        )
    same = [stage for stage in stages if stage.level == level]
    if not same:
        return StageRule(reason=_("前年度と同じ段階がこの募集にはありません。区の担当者にご相談ください。"))
    return StageRule(
        stages=same,
        reason=_(
            "前年度の活動報告がまだ承認されていないため、次の段階には進めません。"
            "前年度と同じ段階（%(name)s）で申請できます。"
        )
        % {"name": same[0].name},
    )
