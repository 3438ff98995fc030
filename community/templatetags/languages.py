"""Content in the reader's language, Japanese marked as Japanese, and the notice when a translation is missing.

    {{ listing|tr:"title" }}              the translation, or the Japanese inside <span lang="ja">
    {{ listing|tr_block:"description" }}  the same as paragraphs (<div lang="ja"> when it is the Japanese)
    {{ listing|tr_text:"title" }}         plain text, for <title> and attributes
    {% ja_only_note listing "title,summary" %}  「この内容は日本語のみです」 once for the block, when any of
                                          these fields shows the Japanese
    {{ place.name|ja_name }}              a name or address: <span lang="ja" translate="no"> on pages that are
                                          not Japanese, so it is read with a Japanese voice; names need no notice
    {{ town|town_name }}                  a town's romanization with its Japanese name: Toyotamakita (豊玉北)

On Japanese and やさしい日本語 pages nothing is wrapped. tests/i18n/test_crawl.py holds the rule these keep:
no Japanese outside lang="ja" on other pages, and every lang="ja" that is not a name sits in a block with
the notice.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from community.i18n.content import localized, missing_translation
from community.i18n.languages import is_japanese
from community.i18n.text import has_japanese

register = template.Library()


@register.filter
def tr(obj, field: str):
    text = localized(obj, field)
    if text.is_fallback:
        return format_html('<span lang="ja">{}</span>', text.text)
    return text.text


@register.filter
def tr_block(obj, field: str):
    """A multi-line field as paragraphs, wrapped in a lang="ja" block when it is the Japanese fallback."""
    text = localized(obj, field)
    paragraphs = linebreaks(text.text, autoescape=True)
    if text.is_fallback:
        return format_html('<div lang="ja">{}</div>', mark_safe(paragraphs))  # noqa: S308 (escaped above)
    return mark_safe(paragraphs)  # noqa: S308 (linebreaks escaped the text)


@register.filter
def tr_text(obj, field: str) -> str:
    """Plain text for places that cannot hold markup, such as <title>."""
    return localized(obj, field).text


@register.filter
def tr_lang(obj, field: str) -> str:
    """` lang="ja"` for an element whose attribute (alt, title) holds the Japanese fallback of `field`."""
    return mark_safe(' lang="ja"') if localized(obj, field).is_fallback else ""  # noqa: S308 (a constant)


@register.filter
def untranslated(obj, fields: str = "title,description") -> bool:
    return missing_translation(obj, tuple(fields.split(",")))


@register.simple_tag
def ja_only_note(obj, fields: str = "title,description"):
    """The notice, once for a block, when any of `fields` of obj shows the Japanese for want of a translation."""
    if obj is None or not missing_translation(obj, tuple(fields.split(","))):
        return ""
    return render_to_string("includes/ja_only_note.html")


@register.filter
def ja_name(value):
    """A proper name or address kept in Japanese: marked so a screen reader reads it in Japanese."""
    if value in (None, ""):
        return ""
    if is_japanese(get_language()) or not has_japanese(str(value)):
        return value
    return format_html('<span lang="ja" translate="no">{}</span>', value)


@register.filter
def ja_text(value):
    """Japanese text that has no translation at all (needs {% ja_only_text_note %} in its block)."""
    if value in (None, ""):
        return ""
    if is_japanese(get_language()) or not has_japanese(str(value)):
        return value
    return format_html('<span lang="ja">{}</span>', value)


@register.filter
def ja_text_block(value):
    """Untranslatable Japanese paragraphs (a staff note, an answer) as a lang="ja" block on other pages."""
    if value in (None, ""):
        return ""
    paragraphs = linebreaks(value, autoescape=True)
    if is_japanese(get_language()) or not has_japanese(str(value)):
        return mark_safe(paragraphs)  # noqa: S308 (linebreaks escaped the text)
    return format_html('<div lang="ja">{}</div>', mark_safe(paragraphs))  # noqa: S308 (escaped above)


@register.simple_tag
def ja_only_text_note(*values):
    """The notice for a block that shows untranslatable Japanese text (any of `values`)."""
    if is_japanese(get_language()) or not any(has_japanese(str(value or "")) for value in values):
        return ""
    return render_to_string("includes/ja_only_note.html")


@register.filter
def town_name(town):
    """豊玉北 in Japanese; Toyotamakita (豊玉北) elsewhere, the Japanese marked as a name."""
    if town is None:
        return ""
    if is_japanese(get_language()):
        return town.name
    return format_html(
        '{} <span lang="ja" translate="no">({})</span>', town.romanized_name, conditional_escape(town.name)
    )
