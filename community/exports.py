"""One CSV writer for every download: UTF-8 with a BOM so Excel opens the Japanese intact, and no cell that
Excel would run as a formula.

A text cell starting with = + - @ (or a tab or carriage return, which some spreadsheets strip before looking)
is written with a leading apostrophe, so 「=HYPERLINK(…)」 typed into a sign-up note stays text. Numbers are
written as numbers: they come from our own counts, never from what someone typed, and -2 must stay a number.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int | float | Decimal:
    """The value as a CSV cell that cannot start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """The whole file as text, BOM first, CRLF line ends (what Excel on Windows expects)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """A download; `filename` may be Japanese (sent as RFC 5987 filename*, with an ASCII fallback)."""
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    fallback = filename.encode("ascii", "ignore").decode() or "download.csv"
    response["Content-Disposition"] = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    return response
