"""ふりがな never break a label or a line: choice labels stay whole at 1280px, nothing scrolls sideways at 320px
with 文字の大きさ「大」, in Japanese with ふりがな on and in やさしい日本語."""

import pytest

PAGES = ["/", "/hiroba/", "/hiroba/finder/", "/hiroba/request/", "/cafes/", "/cafes/kids/", "/international/classes/",
         "/accounts/signup/"]
LABELS = """() => [...document.querySelectorAll('.choice-list label')].map((label) => {
  const text = label.querySelector('.choice-label') || label;
  const box = text.getBoundingClientRect();
  return {text: text.textContent.trim(), width: box.width, height: box.height,
          em: parseFloat(getComputedStyle(text).fontSize)};
})"""


@pytest.mark.parametrize("prefix", ["", "/easy"])
def test_choice_labels_keep_their_words_together_with_furigana(page, live_server, prefix):
    page.context.add_cookies([{"name": "furigana", "value": "on", "url": live_server.url}])
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{prefix}/hiroba/finder/")
    assert page.locator("ruby").count() > 10
    labels = page.evaluate(LABELS)
    assert len(labels) >= 8
    # A label of several characters is wider than two of them and no taller than two lines of ruby text.
    broken = [label for label in labels if len(label["text"]) > 2 and (label["width"] < 2 * label["em"] or label["height"] > 5 * label["em"])]
    assert not broken, broken


@pytest.mark.parametrize("prefix", ["", "/easy"])
def test_no_page_scrolls_sideways_at_320px_with_large_text_and_furigana(page, live_server, prefix):
    page.context.add_cookies([
        {"name": "furigana", "value": "on", "url": live_server.url},
        {"name": "textsize", "value": "large", "url": live_server.url},
    ])
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{prefix}{path}")
        extra = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        if extra > 1:
            wide[path] = extra
    assert not wide, wide
