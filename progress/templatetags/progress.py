from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

from community.templatetags.languages import ja_only_text_note

register = template.Library()


@register.filter
def figure(value):
    """1234 → 1,234; 2.50 → 2.5; anything else as it is."""
    if isinstance(value, Decimal):
        return intcomma(f"{value.normalize():f}")
    if isinstance(value, int):
        return intcomma(value)
    return value


@register.simple_tag
def table_ja_note(table):
    """The 「日本語のみ」 notice for a figure whose labels (a name nobody translated) stayed in Japanese."""
    texts = [table.title, table.unit, table.note, *table.columns, *(row[0] for row in table.rows)]
    return ja_only_text_note(*(str(text) for text in texts))
