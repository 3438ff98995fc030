"""Values every page needs: the ward's contact, the language list, the reader's text size and the content version."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from community.fragments import version_for
from nerima_portal.search_examples import SEARCH_EXAMPLES

WARD_CONTACT = {
    "office": _("練馬区役所（本庁舎）"),
    "address": _("〒176-8501 東京都練馬区豊玉北6丁目12番1号"),
    "phone": "03-3993-1111",
    "hours": _("月曜〜金曜 8時30分〜17時15分（祝日・年末年始を除く）"),
}


def portal(request):
    return {
        "ward_contact": WARD_CONTACT,
        "portal_languages": [(code, settings.LANGUAGE_NAMES_LOCAL[code]) for code, _name in settings.LANGUAGES],
        "text_size": "large" if request.COOKIES.get("textsize") == "large" else "standard",
        "furigana_on": request.COOKIES.get("furigana") == "on",
        # For {% cache %} keys of fragments that change with content (read only when a template asks).
        "content_version": SimpleLazyObject(lambda: version_for(request)),
        "search_examples": SEARCH_EXAMPLES,
    }
