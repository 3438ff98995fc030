from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def figure(value):
    """1234 → 1,234; 2.50 → 2.5; anything else as it is."""
    if isinstance(value, Decimal):
        return intcomma(f"{value.normalize():f}")
    if isinstance(value, int):
        return intcomma(value)
    return value
