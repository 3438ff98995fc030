"""Helpers for the tests that pages built from cached fragments show every change at once, in every variant
(the fixtures `fragments_only` and `visitor` are in tests/conftest.py)."""

import re

# The three settings bench/render.py measures: 日本語, ふりがな and English.
VARIANTS = {"ja": {}, "furigana": {"furigana": "on"}, "en": {"django_language": "en"}}


def page(client, url, **query) -> str:
    """The page's HTML with ふりがな's readings taken out, so that one text reads the same in every variant."""
    response = client.get(url, query)
    assert response.status_code == 200, response.status_code
    return re.sub(r"<rt>.*?</rt>|</?ruby>", "", response.content.decode())
