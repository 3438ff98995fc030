"""Template filters for dates the way residents read them: 2026年12月2日(水) 14:00."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

register = template.Library()


def _local(value):
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value)
    return value


@register.filter
def jdate(value):
    """A date with its weekday, e.g. 2026年12月2日(水)."""
    if not value:
        return ""
    # Translators: PHP-style date format, e.g. "D, F j, Y" in English.
    return date_format(_local(value), _("Y年n月j日(D)"))


@register.filter
def jdatetime(value):
    """A date, weekday and start time, e.g. 2026年12月2日(水) 14:00."""
    if not value:
        return ""
    return f"{jdate(value)} {date_format(_local(value), 'H:i')}"


@register.filter
def jtime(value):
    if not value:
        return ""
    return date_format(_local(value), "H:i")


@register.filter
def tel(value):
    """A phone number as a tel: link target: digits and + only (03-3993-1111 → 0339931111)."""
    return "".join(ch for ch in str(value or "") if ch.isdigit() or ch == "+")
