"""The report as pages and files: sections with their tables and charts, and one CSV per section."""

from django.core.cache import cache
from django.utils.translation import get_language

from community.exports import csv_response
from community.figures import Table
from progress.charts import bar_chart
from progress.selectors.sections import SECTIONS, Section

# The public page computes some forty counts: keep them for a few minutes, per year, language and audience.
PUBLIC_CACHE_SECONDS = 600


def _build(fiscal_year, *, public: bool) -> list[tuple[Section, list[Table]]]:
    return [(section, section.tables(fiscal_year, public=public)) for section in SECTIONS]


def _public(fiscal_year) -> list[tuple[Section, list[Table]]]:
    # Only plain tables go to the cache (text and numbers), keyed by section, so any cache backend can hold them.
    key = f"progress:report:{fiscal_year.year}:{get_language()}"
    tables = cache.get(key)
    if tables is None:
        tables = {section.key: section.tables(fiscal_year, public=True) for section in SECTIONS}
        cache.set(key, tables, PUBLIC_CACHE_SECONDS)
    return [(section, tables[section.key]) for section in SECTIONS]


def sections_for(fiscal_year, *, public: bool, area=None) -> list[dict]:
    """[{"section", "tables": [{"table", "chart"}]}], one area's columns when `area` is given."""
    built = _public(fiscal_year) if public else _build(fiscal_year, public=False)
    result = []
    for section, tables in built:
        shown = [table.for_area(area.name) if area else table for table in tables]
        result.append({
            "section": section,
            "tables": [{"table": table, "chart": bar_chart(table, chart_id=f"chart-{section.key}-{table.key}")}
                       for table in shown],
        })
    return result


def section_csv(section: Section, fiscal_year, *, public: bool, area=None):
    """One file per section: each table under its title, a blank line between tables (opens in Excel)."""
    rows: list[list] = [[f"{fiscal_year.label} {section.heading}"]]
    tables = dict(_public(fiscal_year))[section] if public else section.tables(fiscal_year, public=False)
    for table in tables:
        if area:
            table = table.for_area(area.name)
        rows += [[], [table.title + (f"（{table.unit}）" if table.unit else "")], table.columns, *table.rows]
        if table.note:
            rows.append([table.note])
    suffix = f"-{area.slug}" if area else ""
    return csv_response(f"shisaku1-{fiscal_year.year}-{section.key}{suffix}.csv", rows[0], rows[1:])
