"""The one axe helper (tests/axe_scan.py): it finds what it must, judging each repeated sibling shape three times."""

from tests.axe_scan import axe_violations
from tests.markup_paths import AxeCoverage

LOW_CONTRAST = '<p style="color:#bbb;background:#fff">薄い文字</p>'


def cards(count: int, odd_one: int | None = None, odd: str = LOW_CONTRAST) -> str:
    items = [f'<li class="card"><h2>カフェ {n}</h2><p>毎週水曜日</p></li>' for n in range(1, count + 1)]
    if odd_one is not None:
        items[odd_one - 1] = f'<li class="card"><h2>カフェ {odd_one}</h2>{odd}</li>'
    return f'<!doctype html><html lang="ja"><title>一覧</title><main><h1>一覧</h1><ul>{"".join(items)}</ul></main>'


def test_a_violation_in_one_of_the_first_three_cards_is_found(page):
    page.set_content(cards(20, odd_one=2))
    assert [v.split(":")[0] for v in axe_violations(page)] == ["color-contrast"]


def test_a_card_of_another_shape_is_scanned_wherever_it_stands(page):
    # The 15th card has a paragraph with a style attribute but the same tags and classes as the others: not a new
    # shape, and left out (a template renders one shape; styles come from classes). A card with an element the
    # others lack is a new shape and is judged.
    page.set_content(cards(20, odd_one=15))
    assert axe_violations(page) == []
    page.set_content(cards(20, odd_one=15, odd='<p style="color:#bbb;background:#fff"><span>薄い文字</span></p>'))
    assert [v.split(":")[0] for v in axe_violations(page)] == ["color-contrast"]


def test_a_clean_page_has_no_violation_and_exclusions_are_honoured(page):
    page.set_content(cards(20))
    assert axe_violations(page) == []
    page.set_content(cards(3, odd_one=1).replace('<li class="card">', '<li class="card skipped">', 1))
    assert axe_violations(page, exclude=[".skipped"]) == []


def as_parsed(html: str) -> str:
    """The page with the <head> and <body> the browser's parser adds (the crawls' templates write them)."""
    return html.replace("<title>一覧</title><main>", "<head><title>一覧</title></head><body><main>") + "</body></html>"


def test_parts_a_crawl_judged_on_an_earlier_page_are_left_out_and_new_ones_judged(page):
    coverage = AxeCoverage()
    first = as_parsed(cards(3))
    assert coverage.needs_scan(first)
    page.set_content(first)
    assert axe_violations(page, known=coverage.known) == []
    # The same cards (one with a low-contrast style of its own: their markup was judged) and a new box after them.
    second = as_parsed(cards(3, odd_one=2).replace("</ul>", f'</ul><aside class="note">{LOW_CONTRAST}</aside>'))
    assert coverage.needs_scan(second)
    page.set_content(second)
    assert [v.split(" @ ")[1] for v in axe_violations(page, known=coverage.known)] == ["aside > p"]
    assert [v.split(" @ ")[1] for v in axe_violations(page)] == ["li:nth-child(2) > p aside > p"]  # the card's too
