"""{{ obj|tr:"title" }} shows the field in the reader's language; a Japanese fallback is marked lang="ja"."""

from django import template
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from international.content import localized, missing_translation

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
def untranslated(obj, fields: str = "title,description") -> bool:
    return missing_translation(obj, tuple(fields.split(",")))


@register.filter
def tr_text(obj, field: str) -> str:
    """Plain text for places that cannot hold markup, such as <title>."""
    return localized(obj, field).text
