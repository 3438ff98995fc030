"""Figures for the ward's yearly 進行管理: a small table type every app returns from its queries.py, and the
kernel's own counts (sessions held and people who came, by area) that every app's figures reuse.

Only counts leave here: no name, no free text, no contact detail. A table knows its area columns, so the
public page can show one area, and its rows are what the CSV download writes.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from community.models import Area, Headcount
from community.models.headcounts import AGE_FIELDS, RESIDENCE_FIELDS


def total_label() -> str:
    return _("計")


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]  # the first names the row labels
    rows: list[list]  # [label, number, number, ...]
    unit: str = ""
    note: str = ""
    area_columns: list[str] = field(default_factory=list)  # which columns are areas (for the per-area view)
    public: bool = True  # False: only in the staff report

    def column(self, name: str) -> list:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def value(self, row_label: str, column: str):
        index = self.columns.index(column)
        return next(row[index] for row in self.rows if row[0] == row_label)

    def for_area(self, area_name: str) -> "Table":
        """The same table with only the row labels, this area's column and the ward total."""
        if area_name not in self.area_columns:
            return self
        total = total_label()
        keep = [0, self.columns.index(area_name), *([self.columns.index(total)] if total in self.columns else [])]
        return Table(
            key=self.key, title=self.title, columns=[self.columns[i] for i in keep],
            rows=[[row[i] for i in keep] for row in self.rows], unit=self.unit, note=self.note,
            area_columns=[area_name], public=self.public,
        )


def areas() -> list[tuple[int, str]]:
    """(id, name) of the welfare areas in the ward's order; names in the active language (translated per field).

    Counts are grouped by area id: a values() query reads the untranslated column, the page shows the translation.
    """
    return [(area.pk, area.name) for area in Area.objects.order_by("sort_order", "name_kana")]


def grid(key: str, title: str, row_labels: Iterable[str], counts: dict, *, first_column: str, unit: str = "",
         note: str = "", public: bool = True, area_list: list[tuple[int, str]] | None = None) -> Table:
    """Rows × areas from {(row label, area id or None): n}, with a 計 column; None becomes 地域未設定."""
    area_list = area_list if area_list is not None else areas()
    if any(area is None for (_row, area) in counts):
        area_list = [*area_list, (None, _("地域未設定"))]
    rows = []
    for label in row_labels:
        values = [counts.get((label, area_id), 0) for area_id, _name in area_list]
        rows.append([label, *values, sum(values)])
    names = [name for _id, name in area_list]
    return Table(key=key, title=title, columns=[first_column, *names, total_label()], rows=rows, unit=unit, note=note,
                 area_columns=names, public=public)


def with_change(table: Table, previous: Table, *, label_previous: str, label_change: str) -> Table:
    """Add 前年度 and 増減 columns (ward totals) to a table counted the same way the year before."""
    before = {row[0]: row[-1] for row in previous.rows}
    table.columns += [label_previous, label_change]
    for row in table.rows:
        last = before.get(row[0], 0)
        row += [last, row[-1] - last]
    return table


# --- sessions and 参加者数 ------------------------------------------------------------------------------

VENUE_AREA = Coalesce("place__chome__town__area", "listing__place__chome__town__area")


def held_sessions(sessions, fiscal_year):
    """Sessions of `sessions` held in the fiscal year (not cancelled, already started)."""
    return sessions.held().in_fiscal_year(fiscal_year)


def session_table(key: str, title: str, sessions, fiscal_year, *, note: str = "") -> Table:
    """開催回数, 参加者数 and how many sessions have a recorded count, per area of the venue (2 queries)."""
    rows = (
        held_sessions(sessions, fiscal_year).annotate(area_id=VENUE_AREA).order_by()
        .values("area_id")
        .annotate(held=Count("pk"), counted=Count("headcount"), people=Coalesce(Sum("headcount__total"), 0))
    )
    held, counted, people = _("開催回数"), _("参加者数を記録した回"), _("参加者数（延べ）")
    counts = {}
    for row in rows:
        counts[(held, row["area_id"])] = row["held"]
        counts[(counted, row["area_id"])] = row["counted"]
        counts[(people, row["area_id"])] = row["people"]
    return grid(key, title, [held, counted, people], counts, first_column=_("項目"), note=note)


def breakdown_table(key: str, title: str, sessions, fiscal_year, *, residence: bool = False,
                    age_bands: bool = False) -> Table:
    """Ward totals of the breakdowns recorded at the year's sessions (sessions without one are not in it)."""
    headcounts = Headcount.objects.filter(session__in=held_sessions(sessions, fiscal_year))
    fields = {**(RESIDENCE_FIELDS if residence else {}), **(AGE_FIELDS if age_bands else {})}
    sums = headcounts.aggregate(**{f"sum_{name}": Coalesce(Sum(name), 0) for name in fields},
                                sessions=Count("pk", filter=Q(**{f"{next(iter(fields))}__isnull": False})))
    rows = [[str(label), sums[f"sum_{name}"]] for name, label in fields.items()]
    note = _("内訳を記録した%(n)s回の合計です。") % {"n": sums["sessions"]}
    return Table(key=key, title=title, columns=[_("区分"), _("人数")], rows=rows, unit=_("人"), note=note)
