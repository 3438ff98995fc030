"""Site-wide languages: which ones, their URLs, content translation with a marked Japanese fallback, ふりがな.

Every initiative app inherits this from the kernel: its listings and organizations translate through
community.models.translations, its templates use the `languages` template library, and its pages get the
language prefixes, the switcher and ふりがな without doing anything. See docs/languages.md.
"""
