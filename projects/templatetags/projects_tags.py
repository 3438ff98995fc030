"""Yen amounts the way forms and budget sheets show them: 1,200,000円."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def yen(value):
    if value is None or value == "":
        return _("未入力")
    return _("%(amount)s円") % {"amount": f"{int(value):,}"}
