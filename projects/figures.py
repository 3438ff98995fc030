"""Yearly figures of 重点取組3 (2): 地域おこしプロジェクト applications and grants by stage, new and continuing.

A group is "continuing" when one of its earlier applications was funded: the plan's stages (スタートアップ →
ステップアップ → 発展) exist so that groups grow, and the ward wants to see how many come back.
"""

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from community import figures
from community.i18n.content import localized
from projects.models import Application, Stage

# The plan's three stages. A call's stages carry these names unless staff chose others; the report reads them in
# the reader's language from the catalogs when nobody wrote a translation on the stage itself.
PLAN_STAGE_NAMES = {
    "スタートアップ": pgettext_lazy("grant stage", "スタートアップ"),
    "ステップアップ": pgettext_lazy("grant stage", "ステップアップ"),
    "発展": pgettext_lazy("grant stage", "発展"),
}


def stage_label(stage: Stage) -> str:
    """The stage's own translation, else the plan's name from the catalogs, else its Japanese name."""
    text = localized(stage, "name")
    if text.is_fallback and text.text in PLAN_STAGE_NAMES:
        return str(PLAN_STAGE_NAMES[text.text])
    return text.text


def grant_tables(fiscal_year) -> list[figures.Table]:
    funded_before = Application.objects.funded().filter(
        organization=OuterRef("organization"), call__fiscal_year__lt=fiscal_year.year
    )
    applications = (
        Application.objects.submitted().filter(call__fiscal_year=fiscal_year.year)
        .annotate(continuing=Exists(funded_before))
    )
    funded = Q(status__in=Application.FUNDED_STATUSES)
    rows = {
        r["stage"]: r for r in applications.values("stage").annotate(
            applied=Count("pk"), new=Count("pk", filter=Q(continuing=False)), cont=Count("pk", filter=Q(continuing=True)),
            adopted=Count("pk", filter=funded), adopted_new=Count("pk", filter=funded & Q(continuing=False)),
            adopted_cont=Count("pk", filter=funded & Q(continuing=True)), yen=Sum("granted_amount", filter=funded),
        ).order_by()
    }
    stages = list(Stage.objects.filter(call__fiscal_year=fiscal_year.year).order_by("level"))
    keys = ("applied", "new", "cont", "adopted", "adopted_new", "adopted_cont", "yen")
    table_rows = [[stage_label(stage), *[rows.get(stage.pk, {}).get(key) or 0 for key in keys]] for stage in stages]
    if None in rows:
        table_rows.append([_("段階未選択"), *[rows[None].get(key) or 0 for key in keys]])
    table_rows.append([figures.total_label(), *[sum(row[i] for row in table_rows) for i in range(1, len(keys) + 1)]])
    table = figures.Table(
        key="grants", title=_("地域おこしプロジェクトの申請と採択（段階別）"),
        columns=[_("段階"), _("申請"), _("うち新規"), _("うち継続"), _("採択"), _("採択のうち新規"), _("採択のうち継続"),
                 _("助成決定額（円）")],
        rows=table_rows,
        note=_("その年度の募集に提出された申請です（下書きを除く）。継続は、前の年度までに採択されたことのある団体です。"),
    )
    return [table]
