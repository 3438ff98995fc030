"""When a crawl's axe coverage counts a page as new (tests/markup_paths.py)."""

from tests.markup_paths import DOM_PATHS_JS, AxeCoverage, element_paths


def page(language: str, body: str) -> str:
    return f'<!doctype html><html lang="{language}"><head><title>t</title></head><body><main>{body}</main></body></html>'


CARD = '<a class="card" href="/cafes/1/">{text}</a><img src="/x.png" alt="{alt}">'


def test_the_same_markup_in_another_language_is_new_once_per_language_and_then_not():
    coverage = AxeCoverage()
    assert coverage.needs_scan(page("ja", CARD.format(text="カフェ", alt="地図")))
    assert not coverage.needs_scan(page("ja", CARD.format(text="別のカフェ", alt="別の地図")))
    assert coverage.needs_scan(page("en", CARD.format(text="Café", alt="Map")))  # the language itself
    assert not coverage.needs_scan(page("en", CARD.format(text="Another café", alt="Another map")))


def test_a_japanese_only_block_on_an_english_page_is_new():
    coverage = AxeCoverage()
    coverage.needs_scan(page("en", CARD.format(text="Café", alt="Map")))
    assert coverage.needs_scan(page("en", '<div lang="ja">' + CARD.format(text="カフェ", alt="地図") + "</div>"))
    # A block marked in the page's own language is the page's markup.
    coverage.needs_scan(page("ja", CARD.format(text="カフェ", alt="地図")))
    assert coverage.needs_scan(page("ja", '<div lang="ja">' + CARD.format(text="カフェ", alt="地図") + "</div>"))
    assert not coverage.needs_scan(page("en", '<div lang="en">' + CARD.format(text="Café", alt="Map") + "</div>"))


def test_an_empty_name_is_new_and_attributes_axe_does_not_read_are_not():
    coverage = AxeCoverage()
    coverage.needs_scan(page("en", CARD.format(text="Café", alt="Map")))
    assert coverage.needs_scan(page("en", CARD.format(text=" ", alt="Map")))  # a link without text
    assert coverage.needs_scan(page("en", CARD.format(text="Café", alt="")))  # an empty alt
    plain = '<input type="text" id="q" name="q"><input type="submit" value="Search">'
    coverage.needs_scan(page("en", plain))
    assert not coverage.needs_scan(page("en", plain.replace('name="q"', 'name="x" maxlength="5" data-x="1" value="a"')))
    assert coverage.needs_scan(page("en", plain.replace('value="Search"', 'value=""')))  # a button without a name


# Everything above in one page, written as the browser's parser keeps it (head, body and tbody explicit).
EVERY_KIND = page("en", (
    '<nav class="menu app-cafes" aria-label="Menu"><ul><li><a href="/" aria-current="page">Home</a></li>'
    '<li><a class="card" href="/x/"> </a></li></ul></nav>'
    '<div lang="ja"><h2 class="field-title">カフェ</h2><img src="/x.png" alt=""></div><div lang="en">Café</div>'
    '<form><label for="q">Find</label><input type="text" id="q" name="q" maxlength="5" data-x="1">'
    '<input type="submit" value=""><button type="button" disabled>More</button></form>'
    '<table><caption>Dates</caption><tbody><tr><th scope="col">Day</th><td headers="d">Mon</td></tr></tbody></table>'
    '<svg aria-hidden="true" viewBox="0 0 1 1"><path d="M0 0"></path></svg>'
))


def test_the_browser_names_the_same_paths_as_the_parser(page):
    """The crawls decide from the server's HTML (Python) and axe leaves out known parts in the DOM (JavaScript)."""
    page.set_content(EVERY_KIND)
    in_browser = set(page.evaluate(f"() => [...({DOM_PATHS_JS})().values()]"))
    assert in_browser == element_paths(EVERY_KIND) - {"<html lang=en>"}
