"""「今月のケアカフェ」 as a real PDF (WeasyPrint): one A4 page per area when it fits, else it says how many.

The sheet is typeset at the largest type that keeps it on one page (15pt down to 11pt); a month too full
for one page even at 11pt keeps 11pt and prints 「全N枚のうちn枚目」 on every page.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "print_sheet.css"
FONT_STEPS_PT = (15, 14, 13, 12, 11)


@dataclass
class SheetPdf:
    content: bytes
    pages: int
    font_pt: int


def _page_counter_css() -> str:
    """「全2枚のうち1枚目」 in the active language, at the foot of every page (WeasyPrint counts the pages)."""
    text = _("全%(pages)s枚のうち%(page)s枚目") % {"pages": "\x00pages\x00", "page": "\x00page\x00"}
    parts = []
    for part in text.split("\x00"):
        if part in ("pages", "page"):
            parts.append(f"counter({part})")
        elif part:
            parts.append('"' + part.replace('"', "") + '"')
    content = " ".join(parts)
    return "@page { @bottom-right { content: " + content + "; font-size: 11pt; } }"


def _render(context: dict, font_pt: int, *, count_pages: bool = False):
    from weasyprint import CSS, HTML

    html = render_to_string("cafes/print_sheet_pdf.html", context)
    css = [CSS(filename=str(STYLESHEET)), CSS(string=f"html {{ font-size: {font_pt}pt; }}")]
    if count_pages:
        css.append(CSS(string=_page_counter_css()))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(stylesheets=css)


def month_sheet_pdf(context: dict) -> SheetPdf:
    """The sheet for `context` (area, month, groups, url) in the active language."""
    for font_pt in FONT_STEPS_PT:
        document = _render(context, font_pt)
        if len(document.pages) == 1:
            return SheetPdf(document.write_pdf(), 1, font_pt)
    smallest = FONT_STEPS_PT[-1]
    document = _render(context, smallest, count_pages=True)
    return SheetPdf(document.write_pdf(), len(document.pages), smallest)
