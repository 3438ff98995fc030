"""言いかえ: each query word also matches the words staff listed as meaning the same (admin 「検索の言いかえ」).

A word that contains a listed word is varied too: with 「こども 子ども 子供」, 「こども食堂」 also looks for
「子ども食堂」 and 「子供食堂」. The table is small and read from the cache; saving it clears the cache.
"""

from django.core.cache import cache

from nerima_portal.search.folding import fold

CACHE_KEY = "search:synonym-groups"

# The first 言いかえ (loaded by migration 0003): ways residents write the same thing. Staff add more in the admin.
FIRST_GROUPS = [
    ("こども 子ども 子供", "子ども食堂・こども食堂なども"),
    ("ケアカフェ カフェ", "「ケアカフェ」でこどもカフェなども"),
    ("高齢者 お年寄り シニア", ""),
    ("障害 障がい 障碍", ""),
    ("認知症 物忘れ もの忘れ", ""),
    ("子育て 育児", ""),
    ("日本語教室 にほんご教室", ""),
    ("ボランティア 手伝い お手伝い", ""),
    ("相談 悩み 困りごと", ""),
]


def load_first_groups(model) -> None:
    for words, note in FIRST_GROUPS:
        model.objects.get_or_create(words=words, defaults={"note": note})
    forget()


def groups() -> list[list[str]]:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        from nerima_portal.models import SearchSynonym

        cached = [[fold(word) for word in row.word_list()] for row in SearchSynonym.objects.all()]
        cache.set(CACHE_KEY, cached, 60 * 60)
    return cached


def forget() -> None:
    cache.delete(CACHE_KEY)


def alternatives(term: str) -> list[str]:
    """The term and its variants, the term itself first (at most 12, so a query stays small)."""
    found = [term]
    for group in groups():
        for word in group:
            if word and word in term:
                for other in group:
                    variant = term.replace(word, other)
                    if variant not in found:
                        found.append(variant)
    return found[:12]
