"""Language marks for form controls on pages in other languages, applied where every form field is rendered.

A choice read from the database (a place's name in a select, a town in a radio list) or the user's own
Japanese text in a textarea is Japanese on an English page: the option gets lang="ja" translate="no" (a name),
the textarea lang="ja" (so spelling and voices follow the text), a choice label's text a marked span.
Choice labels are wrapped in every language, so ふりがな never break them apart.
"""

import re

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from community.i18n.languages import is_japanese
from community.i18n.text import has_japanese

OPTION_RE = re.compile(r"<option((?:(?!>).)*)>([^<]*)</option>")
TEXTAREA_RE = re.compile(r"<textarea((?:(?!>).)*)>(.*?)</textarea>", re.S)
CHOICE_LABEL_RE = re.compile(r"(<input[^>]*>)([^<]+)(</label>)")


def _option(match: re.Match) -> str:
    attrs, text = match.groups()
    if not has_japanese(text) or " lang=" in attrs:
        return match.group(0)
    return f'<option{attrs} lang="ja" translate="no">{text}</option>'


def _textarea(match: re.Match) -> str:
    attrs, text = match.groups()
    if not has_japanese(text) or " lang=" in attrs:
        return match.group(0)
    return f'<textarea{attrs} lang="ja">{text}</textarea>'


def _choice_label(match: re.Match, *, mark: bool) -> str:
    """The text of a radio or checkbox label in one span: ふりがな's <ruby> elements would otherwise each become
    a flex item of the label, one character wide; on other pages Japanese text is marked too."""
    control, text, end = match.groups()
    if not text.strip():
        return match.group(0)
    lang = ' lang="ja" translate="no"' if mark and has_japanese(text) else ""
    return f'{control}<span class="choice-label"{lang}>{text.strip()}</span>{end}'


def mark_form_controls(html):
    """The rendered widget with its choice labels wrapped, and on pages in other languages its Japanese options,
    text and choice labels marked."""
    mark = not is_japanese(get_language()) and has_japanese(str(html))
    html = CHOICE_LABEL_RE.sub(lambda match: _choice_label(match, mark=mark), str(html))
    if mark:
        html = OPTION_RE.sub(_option, html)
        html = TEXTAREA_RE.sub(_textarea, html)
    return mark_safe(html)  # noqa: S308 (only our attributes and spans added to Django's rendered widget)
