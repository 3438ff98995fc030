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

import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext

from community.i18n.content import localized, missing_translation
from community.i18n.languages import is_japanese
from community.i18n.text import has_japanese, list_separator

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


def _falls_back(item, spec: str) -> bool:
    """spec is a field of item, or a dotted path to one (cafe.title for a row that holds a cafe)."""
    *path, field = spec.split(".")
    for name in path:
        item = getattr(item, name, None)
    return item is not None and localized(item, field).is_fallback


@register.simple_tag
def ja_only_note(*objects_and_fields):
    """The notice, once for a block, when a field shows the Japanese for want of a translation.

    {% ja_only_note cafe "title,fee_text" cafe.activities.all "name" %}: pairs of an object (or a list of
    them) and the fields of it the block shows (a dotted path reaches into each: rows "cafe.title").
    """
    if len(objects_and_fields) == 1:
        objects_and_fields = (objects_and_fields[0], "title,description")
    if is_japanese(get_language()):
        return ""
    for obj, fields in zip(objects_and_fields[::2], objects_and_fields[1::2], strict=True):
        items = obj if hasattr(obj, "__iter__") and not isinstance(obj, str) else [obj]
        if any(item is not None and _falls_back(item, spec) for item in items for spec in fields.split(",")):
            return render_to_string("includes/ja_only_note.html")
    return ""


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


def _separator(japanese: str | None) -> str:
    return japanese if japanese and is_japanese(get_language()) else list_separator()


@register.simple_tag
def sep(japanese: str | None = None):
    """The list separator of the reader's language: ・ (or the one given, e.g. 、) in Japanese, a comma elsewhere."""
    return _separator(japanese)


@register.filter
def join_sep(items, japanese: str | None = None):
    """Items joined with the reader's list separator (see sep), each escaped."""
    return mark_safe(_separator(japanese).join(conditional_escape(item) for item in items))  # noqa: S308


@register.filter
def days_of_month(days):
    """[date(…, 7), date(…, 14)] → 7日・14日 / 7, 14."""
    return list_separator().join(pgettext("day of month", "%(day)s日") % {"day": day.day} for day in days)


@register.simple_tag
def place_in_town(place, with_area=True):
    """A place's name, marked as Japanese where needed, with its area and town: 桜台地区区民館（練馬・桜台）."""
    if place is None:
        return ""
    town = place.chome.town
    values = {"place": ja_name(place.name), "town": conditional_escape(str(town)), "area": conditional_escape(town.area.name)}
    if with_area:
        return mark_safe(pgettext("place with area and town", "%(place)s（%(area)s・%(town)s）") % values)  # noqa: S308
    return mark_safe(pgettext("place with town", "%(place)s（%(town)s）") % values)  # noqa: S308 (escaped above)


@register.filter
def tr_name(obj, field: str = "name"):
    """An organization's name: its translation, else the Japanese marked as a name (no notice needed)."""
    text = localized(obj, field)
    if text.is_fallback:
        return format_html('<span lang="ja" translate="no">{}</span>', text.text)
    return text.text


@register.simple_tag
def place_address(place):
    """The postal address in Japanese (marked), and on other pages its 町丁目 in the reader's script."""
    if place is None or not place.address:
        return ""
    if is_japanese(get_language()):
        return place.address
    return mark_safe(  # noqa: S308 (both parts escaped)
        pgettext("address with chome", "%(address)s（%(chome)s）")
        % {"address": ja_name(place.address), "chome": conditional_escape(str(place.chome))}
    )


@register.filter
def tr_short(obj, field: str):
    """|tr cut to 120 characters, for result lists."""
    text = localized(obj, field)
    short = Truncator(text.text).chars(120)
    if text.is_fallback:
        return format_html('<span lang="ja">{}</span>', short)
    return short


@register.filter
def ja_lang_attr(value) -> str:
    """` lang="ja"` for an element whose alt or title is Japanese text on a page in another language."""
    if value and not is_japanese(get_language()) and has_japanese(str(value)):
        return mark_safe(' lang="ja"')  # noqa: S308 (a constant)
    return ""


JAPANESE_RUN_RE = re.compile(
    r"[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff0d\uff66-\uff9f]"
    r"[\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff0d\uff66-\uff9f0-9\-]*"
)
TAG_RE = re.compile(r"(<[^>]*>)")


@register.filter(is_safe=True)
def ja_runs(value):
    """Japanese words inside a help text or an error (examples of what to type, such as 豊玉北5丁目) marked as
    Japanese names on pages in other languages; the rest of the sentence stays in the page's language."""
    if value in (None, ""):
        return ""
    html = value if hasattr(value, "__html__") else conditional_escape(value)
    if is_japanese(get_language()) or not has_japanese(str(html)):
        return mark_safe(html)  # noqa: S308 (escaped above or already safe)
    parts = TAG_RE.split(str(html))
    marked = [
        part if part.startswith("<") else JAPANESE_RUN_RE.sub(r'<span lang="ja" translate="no">\g<0></span>', part)
        for part in parts
    ]
    return mark_safe("".join(marked))  # noqa: S308 (only our own span added to escaped text)
