"""Fold Japanese text so that the way a word is typed does not matter to search.

NFKC turns full-width letters and digits and half-width katakana into their ordinary forms
(「ＡＢＣ１２」→「ABC12」, 「ｹｱｶﾌｪ」→「ケアカフェ」), katakana becomes hiragana and Latin letters lower case,
so 「ケアカフェ」「ｹｱｶﾌｪ」「けあかふぇ」 all read 「けあかふぇ」. Stored text and queries go through the same fold.
"""

import re
import unicodedata

from community.readings import katakana_to_hiragana

_SPACES = re.compile(r"\s+")

MIN_QUERY_LENGTH = 2
MAX_TERMS = 5
MAX_TERM_LENGTH = 40


def fold(text: str) -> str:
    """NFKC, katakana → hiragana, lower case, single spaces."""
    text = katakana_to_hiragana(unicodedata.normalize("NFKC", text or "")).casefold()
    return _SPACES.sub(" ", text).strip()


def fold_all(*parts: str) -> str:
    return fold(" ".join(part for part in parts if part))


def query_terms(query: str) -> list[str]:
    """The folded words of a query (all must match), or [] when it is too short to search."""
    folded = fold(query)
    if len(folded.replace(" ", "")) < MIN_QUERY_LENGTH:
        return []
    terms: list[str] = []
    for term in folded.split(" "):
        if term[:MAX_TERM_LENGTH] not in terms:
            terms.append(term[:MAX_TERM_LENGTH])
    return terms[:MAX_TERMS]
