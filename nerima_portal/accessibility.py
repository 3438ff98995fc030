"""ウェブアクセシビリティ方針: the report behind /accessibility/, written by the test suite that measures it.

tests/i18n/test_crawl.py checks every public and signed-in page in the six languages with axe-core and the
language rules, and writes what it checked here (REPORT) when run with WRITE_ACCESSIBILITY_REPORT=1. Without
that variable the same tests fail when this file claims pages, languages or results they did not see, so the
page can only say what the suite proves.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPORT = Path(__file__).resolve().parent / "accessibility_report.json"
STANDARD = "JIS X 8341-3:2016"
LEVEL = "AA"


@dataclass(frozen=True)
class Report:
    standard: str
    level: str
    tested_on: date
    languages: list[str]
    pages: list[str]  # URL patterns, e.g. /cafes/care/<n>/
    page_count: int  # pages checked across all languages
    axe_tags: list[str]
    violations: int
    result: str  # "pass" or "fail"

    @property
    def passed(self) -> bool:
        return self.result == "pass" and self.violations == 0


def read_report(path: Path | None = None) -> Report | None:
    path = path or REPORT
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Report(**{**data, "tested_on": date.fromisoformat(data["tested_on"])})


def write_report(report: Report, path: Path | None = None) -> None:
    data = {**report.__dict__, "tested_on": report.tested_on.isoformat()}
    (path or REPORT).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def latest_report() -> Report | None:
    return read_report()
