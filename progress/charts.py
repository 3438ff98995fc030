"""Bar charts drawn on the server as SVG: no JavaScript, print-ready, and readable without colour.

Every bar carries its label and number as text, the chart has a <title> and <desc>, and the page shows the
same numbers as a table next to it, so a screen reader user loses nothing.
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.figures import Table, total_label
from community.i18n.languages import is_japanese
from community.i18n.text import has_japanese

WIDTH = 720
LABEL_WIDTH = 150
VALUE_WIDTH = 90
BAR_HEIGHT = 20
GAP = 6
ROW_TITLE = 24
# Design-system colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the text too.
PALETTE = ["#0031d8", "#197a4b", "#a54600", "#6e2a8c", "#00677f", "#4d4d4d"]


def _number(value) -> float:
    return float(value) if isinstance(value, int | float | Decimal) else 0.0


def _fmt(value) -> str:
    if isinstance(value, Decimal):
        value = value.normalize()
        return f"{value:,f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _lang(text) -> str:
    """` lang="ja"` on a label left in Japanese (a name nobody translated) on a page in another language."""
    return ' lang="ja"' if not is_japanese(get_language()) and has_japanese(str(text)) else ""


def _series(table: Table) -> tuple[list[str], list[int]]:
    """Which columns become bars: each area (when the table has areas), else the first numeric column."""
    if table.area_columns:
        names = table.area_columns
    else:
        names = [name for i, name in enumerate(table.columns[1:], start=1)
                 if any(isinstance(row[i], int | float | Decimal) for row in table.rows)][:1]
    return names, [table.columns.index(name) for name in names]


def bar_chart(table: Table, *, chart_id: str) -> str:
    """Horizontal bars: one group per row (the 計 row is left out), one bar per series, value at the bar's end."""
    names, indexes = _series(table)
    rows = [row for row in table.rows if row[0] != total_label()]
    if not names or not rows:
        return ""
    biggest = max([_number(row[i]) for row in rows for i in indexes] + [1.0])
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / biggest
    parts, y = [], 0
    for row in rows:
        parts.append(f'<text x="0" y="{y + 17}" class="chart__row"{_lang(row[0])}>{escape(row[0])}</text>')
        y += ROW_TITLE
        for position, (name, index) in enumerate(zip(names, indexes, strict=True)):
            value = row[index]
            width = max(_number(value) * scale, 0)
            colour = PALETTE[position % len(PALETTE)]
            parts.append(
                f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" class="chart__series"{_lang(name)}>{escape(name)}</text>'
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}"></rect>'
                f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 15}" class="chart__value">{escape(_fmt(value))}</text>'
            )
            y += BAR_HEIGHT + GAP
        y += GAP
    title = escape(table.title)
    description = escape(_("%(title)s の棒グラフ。同じ数字を下の表でも読めます。") % {"title": table.title})
    return (
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {WIDTH} {y}" '
        f'width="{WIDTH}" height="{y}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{title}</title><desc id="{chart_id}-desc">{description}</desc>'
        f'{"".join(parts)}</svg>'
    )
