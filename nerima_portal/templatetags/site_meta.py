"""<meta name="description">: from what the page shows (a session, a listing, a place, an organization),
else the page's own line from PAGE_DESCRIPTIONS, else the portal's."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from community.templatetags.portal import jdate, jtime

register = template.Library()

LENGTH = 120
# The objects a page may be about, most specific first (the context names the views use).
CONTEXT_KEYS = ("session", "cafe", "plaza", "event", "class", "opening", "project", "seminar", "desk",
                "listing", "place", "organization")
PAGE_DESCRIPTIONS = {
    "home": gettext_lazy("練馬区の地域福祉のポータル。近くの居場所（街かどケアカフェ・こどもカフェ）、相談先、ボランティアや地域活動、催しのカレンダーを、やさしい言葉と5つの言語でさがせます。"),
    "cafes:index": gettext_lazy("練馬区の街かどケアカフェを地域・曜日・住所から近い順にさがせます。介護予防の体操、健康相談、お茶と交流。冷蔵庫に貼れる月の予定表（A4のPDF）もあります。"),
    "cafes:kids_index": gettext_lazy("練馬こどもカフェ：まちのカフェで乳幼児と保護者が過ごせる場所と子育て講座。地域・お子さんの年齢・曜日からさがせます。"),
    "hiroba:index": gettext_lazy("相談情報ひろば：身近な相談の場所と区の相談窓口。どこに相談したらよいかわからないときの相談先さがしと、アカウントなしで送れる相談受付。"),
    "hiroba:finder": gettext_lazy("相談先さがし：相談したいことと住所から、近くの相談の場所・地域包括支援センター・民生委員の窓口を案内します。"),
    "calendar": gettext_lazy("練馬区の地域の催しのカレンダー。ケアカフェ、こどもカフェ、講座、交流イベントの日程と申込の要・不要を月ごとに見られます。"),
    "volunteers:index": gettext_lazy("練馬区でボランティアや地域活動に参加する：町会・自治会、ボランティア募集、地域福祉パワーアップカレッジねりま。"),
    "international:index": gettext_lazy("外国人の方へ：日本語教室、英語・中国語・韓国語・タガログ語の相談窓口、多文化交流の催し。"),
    "projects:index": gettext_lazy("地域おこしプロジェクト：地域の課題に取り組む団体を、段階に応じた助成と専門家の相談で応援します。"),
}
DEFAULT = gettext_lazy("練馬区の地域福祉のポータル。居場所・相談先・ボランティア・催しを近くでさがせます。")


def _clean(text: str) -> str:
    return Truncator(" ".join(strip_tags(str(text)).split())).chars(LENGTH)


def describe(obj) -> str:
    """A sentence or two about one object, from its own fields."""
    from community.models import Session

    if isinstance(obj, Session):
        venue = obj.venue
        parts = [f"{jdate(obj.starts_at)} {jtime(obj.starts_at)}〜{jtime(obj.ends_at)}", obj.title or obj.listing.title]
        if venue is not None:
            parts.append(f"{venue.name}（{venue.address}）")
        parts.append(obj.listing.summary or obj.listing.description)
        return _clean("。".join(part for part in parts if part))
    for field in ("summary", "description", "lead", "barrier_free_note"):
        value = getattr(obj, field, "")
        if isinstance(value, str) and value.strip():
            title = getattr(obj, "title", "") or getattr(obj, "name", "")
            return _clean(f"{title}：{value}" if title and not value.startswith(title) else value)
    address = getattr(obj, "address", "")
    name = getattr(obj, "title", "") or getattr(obj, "name", "")
    return _clean(f"{name}（{address}）") if name and address else ""


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    for key in CONTEXT_KEYS:
        obj = context.get(key)
        if obj is not None and not isinstance(obj, str | int | list | dict):
            text = describe(obj)
            if text:
                return text
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in PAGE_DESCRIPTIONS:
        return str(PAGE_DESCRIPTIONS[match.view_name])
    return str(DEFAULT)
