"""Reading a CSV download back as a spreadsheet would, and the starts that would make a cell a formula.

Every export goes through community.exports; each export's tests type one value per dangerous start into what
the export writes and check it came back as text (a leading apostrophe), with the BOM Excel needs.
"""

import csv
import io

# = + - @ start a formula in Excel and LibreOffice; a tab or CR before them is stripped by some importers.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def typed_values(stem: str = "HYPERLINK(\"http://evil.example\")") -> list[str]:
    """One value per dangerous start, as a resident or organizer might type it."""
    return [f"{start}{stem}" for start in FORMULA_STARTS]


def rows_of(response) -> list[list[str]]:
    """The download's rows; it must be UTF-8 with a BOM (Excel otherwise opens Japanese as mojibake)."""
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; ")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"), newline="")))


def assert_written_as_text(rows: list[list[str]], values: list[str]) -> None:
    """Each typed value is there behind an apostrophe, and no cell anywhere starts a formula."""
    cells = [cell for row in rows for cell in row]
    for value in values:
        assert "'" + value in cells, value
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]


def _is_number(cell: str) -> bool:
    # Our own counts are written as numbers (a negative one must stay a number); nothing typed is.
    try:
        float(cell)
    except ValueError:
        return False
    return True
