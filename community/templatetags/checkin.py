"""The QR code a resident shows at the door: drawn on the server as SVG, so it works without JavaScript."""

import re

import qrcode
import qrcode.image.svg
from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from community.i18n.content import localized
from community.mails import absolute_url
from community.services.headcounts import checkin_token
from community.templatetags.portal import jdatetime

register = template.Library()
_SIZE = re.compile(r'\swidth="[^"]*"\sheight="[^"]*"')


def _qr_title(session) -> str:
    """The session's name for the image's <title>: a <title> cannot mark part of itself as Japanese, so on a page
    in another language a title nobody translated gives way to the date (the summary above names it, marked)."""
    if session.title:
        text = localized(session, "title")
    else:
        text = localized(session.listing, "title")
    if text.is_fallback:
        return jdatetime(session.starts_at)
    return text.text


@register.simple_tag
def checkin_qr(signup) -> str:
    url = absolute_url(reverse("community:signup_checkin", args=[checkin_token(signup)]))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=4)
    svg = image.to_string(encoding="unicode")
    # Scale with the CSS box instead of the library's fixed millimetres; name the image for screen readers.
    svg = _SIZE.sub(' class="checkin-qr" role="img"', svg, count=1)
    label = _("受付用のQRコード（%(title)s）") % {"title": _qr_title(signup.session)}
    svg = svg.replace(">", format_html("><title>{}</title>", label), 1)
    return mark_safe(svg)  # noqa: S308 (our own SVG from the qrcode library; the title is escaped above)
