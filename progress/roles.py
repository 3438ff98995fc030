"""Who may read the fiscal-year report (see community/roles.py and docs/roles.md): counts only, never a person."""

from community.roles import COORDINATOR, WARD_STAFF, declare, grant

declare("progress.report", {
    WARD_STAFF: grant("view", note="年度の報告（件数・人数だけ）とグラフ、区分ごとの CSV。"),
    COORDINATOR: grant("view"),
})
