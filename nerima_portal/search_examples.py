"""Words the site suggests to search for: each is a Japanese word found in the portal's own content.

The search index holds the Japanese originals, so the examples are Japanese words, shown with what they mean
in the reader's language and linked to their results. tests/i18n/test_search_examples.py asks the search
(through search_overview) for each one on the demo data and fails when one finds nothing.
"""

from django.utils.translation import gettext_lazy as _

SEARCH_EXAMPLES = [
    ("ケアカフェ", _("ケアカフェ（高齢の方の居場所）")),
    ("しゃくじい", _("石神井（地名）")),
    ("日本語教室", _("日本語教室")),
]
